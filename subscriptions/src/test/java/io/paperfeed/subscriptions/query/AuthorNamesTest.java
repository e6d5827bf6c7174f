package io.paperfeed.subscriptions.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Name keys of real author strings from the producer's fixtures (bioRxiv, OpenAlex, S2, Crossref). */
class AuthorNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "Yann LeCun;lecun|y lecun|yann yann|l yann|lecun",
        "LeCun, Yann;lecun|y lecun|yann",
        "LeCun Y;lecun|y",
        "Y. LeCun;lecun|y",
        // bioRxiv "Surname, Initials" (biorxiv-details-2020-2022-page1.json, -doi-2020.06.11.145425.json)
        "Janzen, D. L. I.;janzen|d",
        "Colman-Lerner, A.;colmanlerner|a",
        "Doanvo, A. L.;doanvo|a",
        // OpenAlex display names (openalex-work-W2741809807.json): accents folded, the last word the surname
        "Juan Pablo Alperín;alperin|j alperin|juan",
        "Vincent Larivière;lariviere|v lariviere|vincent vincent|l vincent|lariviere",
        // S2 names with initials (s2-paper-batch-authors.json)
        "E. Duflo;duflo|e",
        "S. Mullainathan;mullainathan|s",
        // PubMed-style initials after the surname
        "Doanvo AL;doanvo|a",
    })
    void keysSurviveOrderAndInitials(String author, String keys) {
        assertEquals(List.of(keys.split(" ")), AuthorNames.keys(author));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "Y. LeCun;lecun|y", "LeCun Y;lecun|y", "LeCun, Y.;lecun|y", "Yann LeCun;lecun|yann", "LeCun, Yann;lecun|yann",
        "J.-P. Dupont;dupont|j", "Jingyuan Liu;liu|jingyuan", "E Duflo;duflo|e", "Juan Pablo Alperin;alperin|juan",
    })
    void aQueriedNameIsOneKey(String name, String key) {
        assertEquals(key, AuthorNames.queryKey(name));
    }

    @Test
    void oneWordIsNoName() {
        assertNull(AuthorNames.queryKey("LeCun"));
        assertEquals(List.of(), AuthorNames.keys("†"));
        assertEquals(List.of(), AuthorNames.keys("Hu"));
    }

    @Test
    void jingyuanLiuIsNeitherWeiJingyuanNorLiuChen() {
        String key = AuthorNames.queryKey("Jingyuan Liu");
        assertTrue(!AuthorNames.keys("Wei Jingyuan").contains(key) && !AuthorNames.keys("Liu Chen").contains(key),
                AuthorNames.keys("Wei Jingyuan") + " " + AuthorNames.keys("Liu Chen"));
        assertTrue(AuthorNames.keys("Liu Jingyuan").contains(key), "surname first, as Chinese names often are");
    }
}
