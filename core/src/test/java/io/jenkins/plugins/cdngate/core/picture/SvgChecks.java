package io.jenkins.plugins.cdngate.core.picture;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** What every SVG core draws must hold: well-formed XML, nothing a Content-Security-Policy blocks, words for readers. */
public final class SvgChecks {
    /** Elements that run code, pull in other documents or need a stylesheet. */
    private static final Set<String> FORBIDDEN = Set.of("script", "style", "foreignObject", "image", "use", "a",
            "iframe", "object", "embed", "link", "feImage");

    private SvgChecks() {
    }

    /** Parses the SVG as XML (no DTD allowed), fails on any error. */
    public static Document parse(String svg) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + svg, e);
        }
    }

    /** Self-contained and CSP-safe: no script, no style element or attribute, no event handler, no outside reference. */
    public static Document assertSafe(String svg) {
        Document doc = parse(svg);
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
        List<Element> all = new ArrayList<>();
        collect(root, all);
        for (Element e : all) {
            assertFalse("forbidden element <" + e.getLocalName() + ">", FORBIDDEN.contains(e.getLocalName()));
            NamedNodeMap attributes = e.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Node a = attributes.item(i);
                String name = a.getNodeName().toLowerCase(Locale.ROOT);
                String value = a.getNodeValue();
                assertFalse("style attribute on <" + e.getLocalName() + ">", name.equals("style"));
                assertFalse("event handler " + name, name.startsWith("on"));
                assertFalse("reference " + name + "=" + value, name.endsWith("href") || name.equals("src"));
                if (value.contains("url(")) {
                    assertTrue("only same-document url(#...) references: " + value, value.matches("url\\(#[A-Za-z0-9-]+\\)"));
                }
                if (!name.equals("xmlns")) {
                    assertFalse("outside address in " + name + "=" + value,
                            value.contains("http:") || value.contains("https:") || value.contains("//"));
                }
            }
        }
        NodeList titles = root.getElementsByTagNameNS("*", "title");
        NodeList descs = root.getElementsByTagNameNS("*", "desc");
        if (titles.getLength() == 0 || descs.getLength() == 0) {
            fail("no <title> or <desc> for screen readers");
        }
        assertEquals("the first child is the accessible name", "title", firstElement(root).getLocalName());
        assertEquals("img", root.getAttribute("role"));
        return doc;
    }

    public static List<Element> elements(Document doc) {
        List<Element> all = new ArrayList<>();
        collect(doc.getDocumentElement(), all);
        return all;
    }

    /** The picture's description for screen readers. */
    public static String desc(Document doc) {
        return doc.getDocumentElement().getElementsByTagNameNS("*", "desc").item(0).getTextContent();
    }

    private static Element firstElement(Element e) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el) {
                return el;
            }
        }
        return null;
    }

    private static void collect(Element e, List<Element> out) {
        out.add(e);
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el) {
                collect(el, out);
            }
        }
    }

    /** WCAG relative luminance of {@code #rrggbb}: what is left of a colour in grey scale. */
    public static double luminance(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    /** WCAG contrast ratio of two colours (1 to 21). */
    public static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }
}
