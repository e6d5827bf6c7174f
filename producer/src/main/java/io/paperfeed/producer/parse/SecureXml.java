package io.paperfeed.producer.parse;

import java.io.Reader;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The one way the parsers open XML: the JDK's own StAX parser with document type declarations and
 * external entities switched off, no external DTD access, and the JDK's processing limits kept. A
 * {@code <!DOCTYPE>} is additionally refused by {@link XmlFeedStream} as soon as it is seen, so no
 * entity of any kind (XXE, billion laughs) is ever expanded.
 */
final class SecureXml {

    /** The JDK's element depth limit, as a StAX property; feeds are at most a few levels deep. */
    private static final String MAX_ELEMENT_DEPTH = "jdk.xml.maxElementDepth";
    private static final int DEPTH_LIMIT = 100;

    private SecureXml() {
    }

    /** A stream reader over the given characters (namespace aware, entities of the five predefined kinds only). */
    static XMLStreamReader open(XMLInputFactory factory, Reader in) throws XMLStreamException {
        return factory.createXMLStreamReader(in);
    }

    /** A factory configured as above; one per feed read (factories are not thread-safe to configure). */
    static XMLInputFactory factory() {
        // newDefaultFactory: the JDK's implementation, whatever StAX providers the class path holds
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resource refused: " + systemId);
        });
        if (f.isPropertySupported(MAX_ELEMENT_DEPTH)) {
            f.setProperty(MAX_ELEMENT_DEPTH, String.valueOf(DEPTH_LIMIT));
        }
        return f;
    }
}
