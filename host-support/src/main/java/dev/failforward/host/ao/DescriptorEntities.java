package dev.failforward.host.ao;

import net.java.ao.RawEntity;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Active Objects entities a plugin declares in its descriptor's {@code <ao>} modules, in the order declared: what
 * the product migrates when the plugin is enabled, read from the same {@code atlassian-plugin.xml}, so tests and the
 * preview can never list a different set by hand.
 */
public final class DescriptorEntities {

    private DescriptorEntities() {
    }

    /**
     * The entities of every {@code <ao>} module of every descriptor named {@code resource} in {@code loader} (one per
     * plugin jar on the class path).
     */
    @SuppressWarnings("unchecked")
    public static Class<? extends RawEntity<?>>[] of(ClassLoader loader, String resource) {
        Objects.requireNonNull(loader, "loader");
        List<Class<? extends RawEntity<?>>> entities = new ArrayList<>();
        List<java.net.URL> descriptors;
        try {
            descriptors = java.util.Collections.list(loader.getResources(resource));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot list the descriptors " + resource + ": " + e, e);
        }
        if (descriptors.isEmpty()) {
            throw new IllegalArgumentException("no descriptor " + resource + " on the class path");
        }
        for (java.net.URL descriptor : descriptors) {
            read(loader, descriptor, entities);
        }
        return entities.toArray(new Class[0]);
    }

    @SuppressWarnings("unchecked")
    private static void read(ClassLoader loader, java.net.URL resource, List<Class<? extends RawEntity<?>>> entities) {
        try (InputStream in = resource.openStream()) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(in);
            NodeList modules = document.getDocumentElement().getElementsByTagName("ao");
            for (int m = 0; m < modules.getLength(); m++) {
                NodeList names = ((Element) modules.item(m)).getElementsByTagName("entity");
                for (int e = 0; e < names.getLength(); e++) {
                    String name = names.item(e).getTextContent().strip();
                    Class<?> type = Class.forName(name, false, loader);
                    if (!RawEntity.class.isAssignableFrom(type)) {
                        throw new IllegalArgumentException(name + " in " + resource + " is not an AO entity");
                    }
                    entities.add((Class<? extends RawEntity<?>>) type);
                }
            }
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot read the <ao> entities of " + resource + ": " + e, e);
        }
    }
}
