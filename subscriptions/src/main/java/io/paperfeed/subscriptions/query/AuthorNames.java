package io.paperfeed.subscriptions.query;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Author names as keys that survive name order and initials: {@code surname|initial} and, when the
 * given name is spelt out, {@code surname|given} (lowercase, accents and hyphens dropped, the last word
 * of the surname). "Yann LeCun", "LeCun, Yann", "Y. LeCun" and "LeCun Y" all have the key
 * {@code lecun|y}; the first two also {@code lecun|yann}. A paper's author is indexed under its keys
 * ({@link #keys}); a query for a name is its one key ({@link #queryKey}): a name with an initial
 * finds every spelling with that initial, a spelt-out name only that given name (precise). A paper's
 * two-word name without a comma or initials ("Wei Jingyuan") is also keyed the other way round, as
 * names in surname-first order are common; "Jingyuan Liu" ({@code liu|jingyuan}) still finds neither
 * "Wei Jingyuan" nor "Liu Chen".
 */
public final class AuthorNames {

    /** Separates surname and given name in a key: never part of an analysed word. */
    public static final char SEPARATOR = '|';
    private static final Pattern DOT_BEFORE_LETTER = Pattern.compile("\\.(?=\\p{L})");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Set<String> SUFFIXES = Set.of("jr", "sr", "ii", "iii", "iv");

    private AuthorNames() {
    }

    /** The keys an author value is indexed under (none for a single word or an empty value). */
    public static List<String> keys(String author) {
        Name name = Name.parse(author);
        if (name == null) {
            return List.of();
        }
        Set<String> keys = new LinkedHashSet<>(name.keys());
        if (name.ambiguousOrder) {
            keys.addAll(new Name(name.given, name.surname, false).keys());
        }
        return List.copyOf(keys);
    }

    /**
     * The key a quoted name in an {@code authors:} query stands for: {@code surname|initial} when the
     * given name is an initial, else {@code surname|given}; null when the text is not a name of at least
     * two words (it is then searched as words).
     */
    public static String queryKey(String text) {
        Name name = Name.parse(text);
        if (name == null) {
            return null;
        }
        return name.givenIsInitial() ? key(name.surname, name.given.substring(0, 1)) : key(name.surname, name.given);
    }

    private static String key(String surname, String given) {
        return surname + SEPARATOR + given;
    }

    /** The word as a key part: lowercase, without accents, hyphens, apostrophes or dots. */
    static String fold(String word) {
        String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD);
        return NOT_WORD.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** An initial, or a run of them: "Y.", "Y", "J.-P.", "A.L.", "AL", "JY". */
    static boolean isInitials(String word) {
        String letters = word.replace(".", "").replace("-", "");
        if (letters.isEmpty() || !letters.chars().allMatch(Character::isLetter)) {
            return false;
        }
        return letters.length() == 1 || word.contains(".")
                || letters.length() <= 3 && letters.chars().allMatch(Character::isUpperCase);
    }

    /**
     * A parsed name: the folded last word of the surname, the folded first given word (or its initials, as
     * written) and whether the order was a guess.
     */
    private record Name(String surname, String given, boolean ambiguousOrder) {

        static Name parse(String text) {
            if (text == null) {
                return null;
            }
            String cleaned = DOT_BEFORE_LETTER.matcher(text.replaceAll("\\(.*?\\)", " ")).replaceAll(". ").strip();
            int comma = cleaned.indexOf(',');
            List<String> surnameWords;
            List<String> givenWords;
            boolean ambiguous = false;
            if (comma >= 0) {
                surnameWords = words(cleaned.substring(0, comma));
                givenWords = words(cleaned.substring(comma + 1));
            } else {
                List<String> all = words(cleaned);
                if (all.size() < 2) {
                    return null;
                }
                int initialsFrom = all.size();
                while (initialsFrom > 1 && isInitials(all.get(initialsFrom - 1))) {
                    initialsFrom--;
                }
                if (initialsFrom < all.size() && !isInitials(all.get(0))) { // "LeCun Y", "Doanvo A L"
                    surnameWords = all.subList(0, initialsFrom);
                    givenWords = all.subList(initialsFrom, all.size());
                } else { // "Yann LeCun", "Y. LeCun", "Anhvinh L Doanvo"
                    surnameWords = all.subList(all.size() - 1, all.size());
                    givenWords = all.subList(0, all.size() - 1);
                    ambiguous = all.size() == 2 && !isInitials(all.get(0));
                }
            }
            if (surnameWords.isEmpty() || givenWords.isEmpty()) {
                return null;
            }
            String surname = fold(surnameWords.get(surnameWords.size() - 1));
            String first = givenWords.get(0);
            String given = isInitials(first) ? fold(first).substring(0, 1) : fold(first);
            if (surname.isEmpty() || given.isEmpty()) {
                return null;
            }
            return new Name(surname, given, ambiguous);
        }

        /** The words of a part of a name, without suffixes such as "Jr." and without empty words. */
        private static List<String> words(String part) {
            List<String> words = new ArrayList<>();
            for (String word : part.strip().split("\\s+")) {
                if (!word.isEmpty() && !fold(word).isEmpty() && !SUFFIXES.contains(fold(word))) {
                    words.add(word);
                }
            }
            return words;
        }

        boolean givenIsInitial() {
            return given.length() == 1;
        }

        List<String> keys() {
            return givenIsInitial() ? List.of(key(surname, given))
                    : List.of(key(surname, given.substring(0, 1)), key(surname, given));
        }
    }
}
