package dev.failforward.buildtools.verify;

import java.util.ArrayList;
import java.util.List;


import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** Namespace-aware, quiet, offline DOM parsing. */
final class Xml {

    private Xml() {
    }

    /** Parses a document; throws SAXException (with line and column in its message) if it is not well-formed. */
    static Document parse(byte[] bytes) throws SAXException {
        return dev.failforward.buildtools.descriptor.PluginDescriptor.parseXml(bytes);
    }

    static String name(Node node) {
        return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
    }

    static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }

    /** Every element of the document, in document order. */
    static List<Element> allElements(Document document) {
        List<Element> all = new ArrayList<>();
        NodeList nodes = document.getElementsByTagName("*");
        for (int i = 0; i < nodes.getLength(); i++) {
            all.add((Element) nodes.item(i));
        }
        return all;
    }

    /** The attribute's value, or null when it is absent. */
    static String attribute(Element element, String name) {
        return element.hasAttribute(name) ? element.getAttribute(name) : null;
    }
}
