package io.paperfeed.model.text;

import java.util.Map;
import java.util.Set;

/** The tables {@link TexReader} reads TeX by: symbols, accents, letters, and the commands it unwraps or drops. */
final class TexSymbols {

    private TexSymbols() {
    }

    /** Symbol commands, in math or in text: {@code \alpha} → α, {@code \times} → ×. */
    static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("alpha", "α"), Map.entry("beta", "β"), Map.entry("gamma", "γ"), Map.entry("delta", "δ"),
            Map.entry("epsilon", "ε"), Map.entry("varepsilon", "ε"), Map.entry("zeta", "ζ"), Map.entry("eta", "η"),
            Map.entry("theta", "θ"), Map.entry("vartheta", "ϑ"), Map.entry("iota", "ι"), Map.entry("kappa", "κ"),
            Map.entry("lambda", "λ"), Map.entry("mu", "μ"), Map.entry("nu", "ν"), Map.entry("xi", "ξ"),
            Map.entry("pi", "π"), Map.entry("rho", "ρ"), Map.entry("sigma", "σ"), Map.entry("tau", "τ"),
            Map.entry("upsilon", "υ"), Map.entry("phi", "φ"), Map.entry("varphi", "φ"), Map.entry("chi", "χ"),
            Map.entry("psi", "ψ"), Map.entry("omega", "ω"), Map.entry("Gamma", "Γ"), Map.entry("Delta", "Δ"),
            Map.entry("Theta", "Θ"), Map.entry("Lambda", "Λ"), Map.entry("Xi", "Ξ"), Map.entry("Pi", "Π"),
            Map.entry("Sigma", "Σ"), Map.entry("Phi", "Φ"), Map.entry("Psi", "Ψ"), Map.entry("Omega", "Ω"),
            Map.entry("times", "×"), Map.entry("pm", "±"), Map.entry("mp", "∓"), Map.entry("cdot", "·"),
            Map.entry("div", "÷"), Map.entry("sim", "∼"), Map.entry("approx", "≈"), Map.entry("simeq", "≃"),
            Map.entry("leq", "≤"), Map.entry("le", "≤"), Map.entry("geq", "≥"), Map.entry("ge", "≥"),
            Map.entry("neq", "≠"), Map.entry("ne", "≠"), Map.entry("ll", "≪"), Map.entry("gg", "≫"),
            Map.entry("equiv", "≡"), Map.entry("propto", "∝"), Map.entry("infty", "∞"), Map.entry("partial", "∂"),
            Map.entry("nabla", "∇"), Map.entry("sum", "∑"), Map.entry("prod", "∏"), Map.entry("int", "∫"),
            Map.entry("in", "∈"), Map.entry("notin", "∉"), Map.entry("subset", "⊂"), Map.entry("subseteq", "⊆"),
            Map.entry("cup", "∪"), Map.entry("cap", "∩"), Map.entry("emptyset", "∅"), Map.entry("forall", "∀"),
            Map.entry("exists", "∃"), Map.entry("neg", "¬"), Map.entry("land", "∧"), Map.entry("lor", "∨"),
            Map.entry("wedge", "∧"), Map.entry("vee", "∨"), Map.entry("oplus", "⊕"), Map.entry("otimes", "⊗"),
            Map.entry("to", "→"), Map.entry("rightarrow", "→"), Map.entry("leftarrow", "←"),
            Map.entry("Rightarrow", "⇒"), Map.entry("Leftarrow", "⇐"), Map.entry("leftrightarrow", "↔"),
            Map.entry("Leftrightarrow", "⇔"), Map.entry("mapsto", "↦"), Map.entry("uparrow", "↑"),
            Map.entry("downarrow", "↓"), Map.entry("circ", "∘"), Map.entry("deg", "°"), Map.entry("ell", "ℓ"),
            Map.entry("hbar", "ℏ"), Map.entry("star", "⋆"), Map.entry("ast", "∗"), Map.entry("dagger", "†"),
            Map.entry("ldots", "…"), Map.entry("dots", "…"), Map.entry("cdots", "⋯"), Map.entry("langle", "⟨"),
            Map.entry("rangle", "⟩"), Map.entry("lvert", "|"), Map.entry("rvert", "|"), Map.entry("mid", "|"),
            Map.entry("vert", "|"), Map.entry("|", "‖"), Map.entry("backslash", "\\"), Map.entry("textmu", "µ"), Map.entry("textpertenthousand", "‱"), Map.entry("textperthousand", "‰"),
            Map.entry("textdegree", "°"), Map.entry("textregistered", "®"), Map.entry("circledR", "®"),
            Map.entry("copyright", "©"), Map.entry("texttrademark", "™"), Map.entry("textasciitilde", "~"),
            Map.entry("textbackslash", "\\"), Map.entry("S", "§"), Map.entry("P", "¶"),
            Map.entry("space", " "), Map.entry("quad", " "), Map.entry("qquad", " "),
            Map.entry("eg", "e.g."), Map.entry("ie", "i.e."), Map.entry("etal", "et al."),
            Map.entry("log", "log"), Map.entry("exp", "exp"), Map.entry("max", "max"), Map.entry("min", "min"),
            Map.entry("arg", "arg"), Map.entry("sin", "sin"), Map.entry("cos", "cos"), Map.entry("lim", "lim"));

    /** Letters written as commands: {@code \o} → ø, {@code \i} → ı (for {@code \'{\i}}). */
    static final Map<String, String> LETTERS = Map.ofEntries(
            Map.entry("aa", "å"), Map.entry("AA", "Å"), Map.entry("o", "ø"), Map.entry("O", "Ø"),
            Map.entry("ss", "ß"), Map.entry("ae", "æ"), Map.entry("AE", "Æ"), Map.entry("oe", "œ"),
            Map.entry("OE", "Œ"), Map.entry("l", "ł"), Map.entry("L", "Ł"), Map.entry("i", "ı"), Map.entry("j", "ȷ"));

    /** Accents as combining marks: {@code \'e} → é, {@code \c{c}} → ç. */
    static final Map<String, String> ACCENTS = Map.ofEntries(
            Map.entry("'", "\u0301"), Map.entry("`", "\u0300"), Map.entry("^", "\u0302"), Map.entry("\"", "\u0308"),
            Map.entry("~", "\u0303"), Map.entry("=", "\u0304"), Map.entry(".", "\u0307"), Map.entry("c", "\u0327"),
            Map.entry("v", "\u030C"), Map.entry("u", "\u0306"), Map.entry("H", "\u030B"), Map.entry("r", "\u030A"),
            Map.entry("k", "\u0328"), Map.entry("d", "\u0323"), Map.entry("b", "\u0331"),
            Map.entry("tilde", "\u0303"), Map.entry("hat", "\u0302"), Map.entry("bar", "\u0304"),
            Map.entry("vec", "\u20D7"), Map.entry("dot", "\u0307"), Map.entry("ddot", "\u0308"),
            Map.entry("widetilde", "\u0303"), Map.entry("widehat", "\u0302"), Map.entry("overline", "\u0305"));

    /** Commands whose one argument is shown as it is: {@code \textbf{x}} → x. */
    static final Set<String> UNWRAP = Set.of("textbf", "textit", "emph", "texttt", "textsc", "textsf", "textrm",
            "textsl", "textup", "textnormal", "underline", "mathbf", "mathrm", "mathit", "mathsf", "mathtt",
            "mathcal", "mathscr", "mathfrak", "boldsymbol", "bm", "text", "mbox", "operatorname", "textmd",
            "uline", "hbox", "ensuremath", "bf", "it", "rm", "sf", "tt", "sc", "em");

    /** Switches that change the font of what follows in their group: {@code {\em x}} → x. */
    static final Set<String> DECLARATIONS = Set.of("em", "it", "bf", "rm", "sf", "tt", "sc", "sl", "itshape",
            "bfseries", "scshape", "ttfamily", "normalfont", "small", "footnotesize", "large", "Large", "huge",
            "tiny", "displaystyle", "textstyle", "scriptstyle", "left", "right", "big", "Big", "bigl", "bigr",
            "Bigl", "Bigr", "limits", "nolimits", "noindent", "centering", "relax", "par", "newline", "linebreak");

    /** Commands dropped with their one argument: references and colours say nothing to a reader of plain text. */
    static final Set<String> DROPPED = Set.of("cite", "citep", "citet", "citealp", "citeauthor", "ref", "eqref",
            "autoref", "cref", "Cref", "label", "color", "vspace", "hspace", "includegraphics");

    /** {@code \mathbb{R}} → ℝ. */
    static final Map<Character, String> BLACKBOARD = Map.of('R', "ℝ", 'N', "ℕ", 'Z', "ℤ", 'Q', "ℚ", 'C', "ℂ",
            'E', "𝔼", 'P', "ℙ");

    private static final String SUPER_FROM = "0123456789+-=()niTtk";
    private static final String SUPER_TO = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱᵀᵗᵏ";
    private static final String SUB_FROM = "0123456789+-=()aeoxijklmnprstuv";
    private static final String SUB_TO = "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓᵢⱼₖₗₘₙₚᵣₛₜᵤᵥ";

    /** The text in superscript letters, or null when one of them has none. */
    static String superscript(String text) {
        return mapAll(text, SUPER_FROM, SUPER_TO);
    }

    /** The text in subscript letters, or null when one of them has none. */
    static String subscript(String text) {
        return mapAll(text, SUB_FROM, SUB_TO);
    }

    private static String mapAll(String text, String from, String to) {
        if (text.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            int at = from.indexOf(text.charAt(i));
            if (at < 0) {
                return null;
            }
            out.appendCodePoint(to.codePointAt(to.offsetByCodePoints(0, at)));
        }
        return out.toString();
    }
}
