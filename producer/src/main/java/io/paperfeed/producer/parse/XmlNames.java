package io.paperfeed.producer.parse;

/**
 * How the XML formats name elements: the name spaces paperfeed reads, and the key of an element (its
 * local name in the plain name spaces, else with its name space's usual prefix).
 */
final class XmlNames {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String ARXIV = "http://arxiv.org/schemas/atom";
    static final String OPENSEARCH = "http://a9.com/-/spec/opensearch/1.1/";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String OAI = "http://www.openarchives.org/OAI/2.0/";
    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    /** Name spaces whose elements are keyed by local name. */
    static final java.util.Set<String> PLAIN_NAMESPACES = java.util.Set.of(ATOM, "http://purl.org/rss/1.0/", OAI,
            "http://arxiv.org/OAI/arXiv/", "http://arxiv.org/OAI/arXivRaw/");
    static final java.util.Map<String, String> PREFIXES = java.util.Map.of(ARXIV, "arxiv:", DC, "dc:",
            OPENSEARCH, "opensearch:", RDF, "rdf:", "http://purl.org/dc/terms/", "dcterms:",
            "http://purl.org/rss/1.0/modules/content/", "content:", "http://www.openarchives.org/OAI/2.0/oai_dc/", "oai_dc:");
    /** The children of an {@code <author>} that are kept. */
    static final java.util.Set<String> AUTHOR_PARTS = java.util.Set.of("name", "arxiv:affiliation", "affiliation",
            "keyname", "forenames", "suffix");

    /**
     * The key of an element: its local name in the Atom, RSS 1.0, OAI-PMH and arXiv OAI name spaces
     * or in none, else prefixed by its name space's usual prefix ({@code dc:}, {@code prism:} of any
     * PRISM version, {@code arxiv:}, {@code content:}), else {@code {name space}local}.
     */
    static String key(String namespace, String local) {
        if (namespace == null || namespace.isEmpty() || PLAIN_NAMESPACES.contains(namespace)) {
            return local;
        }
        if (namespace.startsWith("http://prismstandard.org/namespaces/")) {
            return "prism:" + local;
        }
        String prefix = PREFIXES.get(namespace);
        return prefix != null ? prefix + local : "{" + namespace + "}" + local;
    }

    static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }

    private XmlNames() {
    }
}
