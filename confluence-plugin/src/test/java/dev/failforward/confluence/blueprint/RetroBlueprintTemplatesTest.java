package dev.failforward.confluence.blueprint;

import com.atlassian.sal.api.message.I18nResolver;
import dev.failforward.confluence.jira.FailureDbClient;
import dev.failforward.confluence.retro.RetroKeys;
import dev.failforward.confluence.retro.RetroTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The content templates (storage format): well-formed once the storage prefixes are declared, the retro macro with the
 * right template and the issue variable, the section structure of {@link RetroTemplate} (same heading and prompt keys as
 * the macro's guide), every text an i18n key of the bundle, and a page made from them with hostile values stays
 * well-formed storage.
 */
class RetroBlueprintTemplatesTest {

    static final String AC = "http://atlassian.com/content";
    static final String RI = "http://atlassian.com/resource/identifier";
    static final String AT = "http://atlassian.com/template";
    /** The create-content plugin reads at most 10 240 bytes of a remote template; stay under it for ours too ([U] locally). */
    static final int MAX_TEMPLATE_BYTES = 10_240;

    static String resource(String path) throws IOException {
        try (InputStream in = RetroBlueprintTemplatesTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path + " on the class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Properties bundle() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = RetroBlueprintTemplatesTest.class.getClassLoader()
                .getResourceAsStream("i18n/failforward-confluence.properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    /** Storage format is a fragment with undeclared prefixes: wrap it as Confluence's storage reader does. */
    static Document storage(String fragment) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        String wrapped = "<storage xmlns:ac=\"" + AC + "\" xmlns:ri=\"" + RI + "\" xmlns:at=\"" + AT + "\">" + fragment
                + "</storage>";
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(wrapped)));
    }

    static String location(RetroBlueprint blueprint) {
        return blueprint.templateFile();
    }

    private static Document template(RetroBlueprint blueprint) throws Exception {
        return storage(resource(location(blueprint)));
    }

    private static List<Element> elements(Node scope, String namespace, String localName) {
        NodeList list = scope instanceof Document document ? document.getElementsByTagNameNS(namespace, localName)
                : ((Element) scope).getElementsByTagNameNS(namespace, localName);
        List<Element> result = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            result.add((Element) list.item(i));
        }
        return result;
    }

    private static List<Element> html(Node scope, String name) {
        return elements(scope, null, name);
    }

    private static String i18nKey(Element element) {
        List<Element> keys = elements(element, AT, "i18n");
        assertThat(keys).as("one at:i18n in <" + element.getTagName() + ">").hasSize(1);
        return keys.get(0).getAttributeNS(AT, "key");
    }

    private static Element macro(Document template) {
        List<Element> macros = elements(template, AC, "structured-macro");
        assertThat(macros).hasSize(1);
        return macros.get(0);
    }

    private static Map<String, Element> parameters(Element macro) {
        Map<String, Element> parameters = new LinkedHashMap<>();
        for (Node child = macro.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && AC.equals(e.getNamespaceURI()) && e.getLocalName().equals("parameter")) {
                parameters.put(e.getAttributeNS(AC, "name"), e);
            }
        }
        return parameters;
    }

    private static Element body(Document template) {
        List<Element> bodies = elements(macro(template), AC, "rich-text-body");
        assertThat(bodies).hasSize(1);
        return bodies.get(0);
    }

    @ParameterizedTest
    @EnumSource(RetroBlueprint.class)
    void holdsTheRetroMacroWithItsTemplateAndTheIssueVariable(RetroBlueprint blueprint) throws Exception {
        Element macro = macro(template(blueprint));
        assertThat(macro.getAttributeNS(AC, "name")).isEqualTo(RetroKeys.MACRO);
        Map<String, Element> parameters = parameters(macro);
        assertThat(parameters).containsOnlyKeys(RetroKeys.PARAM_ISSUE, RetroKeys.PARAM_TEMPLATE);
        assertThat(parameters.get(RetroKeys.PARAM_TEMPLATE).getTextContent()).isEqualTo(blueprint.template().id());
        List<Element> issue = elements(parameters.get(RetroKeys.PARAM_ISSUE), AT, "var");
        assertThat(issue).hasSize(1);
        assertThat(issue.get(0).getAttributeNS(AT, "name")).isEqualTo(RetroBlueprintContextProvider.ISSUE_KEY_VARIABLE);
        assertThat(issue.get(0).hasAttributeNS(AT, "rawxhtml")).as("the key is text: Confluence escapes it").isFalse();
    }

    @ParameterizedTest
    @EnumSource(RetroBlueprint.class)
    void startsWithTheIntroAsRawXhtmlOutsideTheMacro(RetroBlueprint blueprint) throws Exception {
        Document template = template(blueprint);
        List<Element> vars = elements(template, AT, "var");
        assertThat(vars).extracting(v -> v.getAttributeNS(AT, "name")).containsExactlyInAnyOrder(
                RetroBlueprintContextProvider.INTRO_VARIABLE, RetroBlueprintContextProvider.ISSUE_KEY_VARIABLE);
        Element intro = firstElement(template.getDocumentElement());
        assertThat(intro.getAttributeNS(AT, "name")).isEqualTo(RetroBlueprintContextProvider.INTRO_VARIABLE);
        assertThat(intro.getAttributeNS(AT, "rawxhtml")).isEqualTo("true");
        assertThat(intro.getParentNode()).isSameAs(template.getDocumentElement());
    }

    @ParameterizedTest
    @EnumSource(RetroBlueprint.class)
    void theBodyHasTheSectionsOfTheMacrosTemplateEachWithItsPromptAsPlaceholder(RetroBlueprint blueprint) throws Exception {
        Element body = body(template(blueprint));
        List<RetroTemplate.Section> sections = blueprint.template().sections();
        List<Element> headings = html(body, "h2");
        assertThat(headings).extracting(RetroBlueprintTemplatesTest::i18nKey)
                .containsExactlyElementsOf(sections.stream().map(RetroTemplate.Section::headingKey).toList());
        for (int i = 0; i < sections.size(); i++) {
            Element prompt = nextElement(headings.get(i));
            assertThat(prompt.getTagName()).isEqualTo("p");
            List<Element> placeholders = elements(prompt, AC, "placeholder");
            assertThat(placeholders).as(sections.get(i).id()).hasSize(1);
            assertThat(i18nKey(placeholders.get(0))).isEqualTo(sections.get(i).promptKey());
        }
    }

    @Test
    void thePostMortemHasATimelineFactorsByCategoryFiveWhysThreeLearningsTwoNextStepsAndAnActionTable() throws Exception {
        Element body = body(template(RetroBlueprint.POSTMORTEM));
        List<Element> tables = html(body, "table");
        assertThat(tables).hasSize(2);
        assertThat(html(tables.get(0), "th")).extracting(RetroBlueprintTemplatesTest::i18nKey)
                .containsExactly("failforward.blueprint.timeline.when", "failforward.blueprint.timeline.what");
        assertThat(html(body, "h3")).extracting(RetroBlueprintTemplatesTest::i18nKey).containsExactly(
                "failforward.blueprint.factors.technology", "failforward.blueprint.factors.process",
                "failforward.blueprint.factors.people", "failforward.blueprint.factors.environment");

        assertThat(itemsAfter(body, "failforward.retro.postmortem.whys.heading")).containsExactly(
                "failforward.blueprint.whys.first", "failforward.blueprint.whys.next", "failforward.blueprint.whys.next",
                "failforward.blueprint.whys.next", "failforward.blueprint.whys.next");
        assertThat(itemsAfter(body, "failforward.retro.postmortem.learnings.heading"))
                .containsExactly("failforward.blueprint.learnings.item", "failforward.blueprint.learnings.item",
                        "failforward.blueprint.learnings.item");
        assertThat(itemsAfter(body, "failforward.retro.postmortem.next.heading"))
                .containsExactly("failforward.blueprint.next.item", "failforward.blueprint.next.item");

        Element actions = tables.get(1);
        assertThat(html(actions, "th")).extracting(RetroBlueprintTemplatesTest::i18nKey).containsExactly(
                "failforward.blueprint.actions.action", "failforward.blueprint.actions.owner",
                "failforward.blueprint.actions.due");
        List<Element> cells = html(actions, "td");
        assertThat(cells).hasSize(3);
        Element owner = elements(cells.get(1), AC, "placeholder").get(0);
        assertThat(owner.getAttributeNS(AC, "type")).as("the owner cell offers an @mention").isEqualTo("mention");
    }

    @Test
    void theExperimentRetroHasADataTableAndAListOfSurprises() throws Exception {
        Element body = body(template(RetroBlueprint.EXPERIMENT_RETRO));
        List<Element> tables = html(body, "table");
        assertThat(tables).hasSize(1);
        assertThat(html(tables.get(0), "th")).extracting(RetroBlueprintTemplatesTest::i18nKey).containsExactly(
                "failforward.blueprint.data.measure", "failforward.blueprint.data.expected",
                "failforward.blueprint.data.observed");
        assertThat(itemsAfter(body, "failforward.retro.experiment.surprises.heading"))
                .containsExactly("failforward.blueprint.surprises.item");
    }

    @ParameterizedTest
    @EnumSource(RetroBlueprint.class)
    void everyTextIsAnI18nKeyConfluenceCanInsertAsItIs(RetroBlueprint blueprint) throws Exception {
        String raw = resource(location(blueprint));
        Document template = storage(raw);
        Properties bundle = bundle();
        Set<String> keys = new LinkedHashSet<>();
        for (Element i18n : elements(template, AT, "i18n")) {
            keys.add(i18n.getAttributeNS(AT, "key"));
        }
        assertThat(keys).isNotEmpty();
        for (String key : keys) {
            assertThat(bundle.getProperty(key)).as(key + " in the bundle").isNotBlank();
            // <at:i18n> text is the message as Confluence's I18NBean formats it: no quoting, no arguments
            assertThat(bundle.getProperty(key)).as(key).doesNotContain("'").doesNotContain("{").doesNotContain("}");
        }
        assertThat(textOutsideI18n(template.getDocumentElement())).as("no literal text in the template").isBlank();
        assertThat(raw).doesNotContain("<!--").doesNotContain("&nbsp;");
        assertThat(raw.getBytes(StandardCharsets.UTF_8).length).isLessThan(MAX_TEMPLATE_BYTES);
    }

    /**
     * What Confluence's {@code XhtmlTemplateHandler.insertVariables} does to the template (read from its decompiled
     * source): a plain {@code at:var} becomes escaped text, an {@code at:rawxhtml} one is parsed as storage XHTML, an
     * {@code at:i18n} becomes the escaped message. With a hostile summary the result must stay well-formed storage, the
     * summary only text.
     */
    @ParameterizedTest
    @EnumSource(RetroBlueprint.class)
    void aPageMadeFromTheTemplateWithAHostileSummaryIsWellFormedStorage(RetroBlueprint blueprint) throws Exception {
        String hostile = "</p><script>alert(1)</script> & <ac:structured-macro ac:name=\"html\"/>";
        I18nResolver i18n = RetroBlueprintPagesTest.I18N;
        FailureDbClient jira = mock(FailureDbClient.class);
        when(jira.record("OPS-12")).thenReturn(RetroBlueprintPagesTest.record("OPS-12", hostile));
        RetroPage page = new RetroBlueprintPages(jira, i18n).prepare(blueprint, "OPS-12");

        Document template = template(blueprint);
        Map<String, String> variables = Map.of(
                RetroBlueprintContextProvider.ISSUE_KEY_VARIABLE, page.issueKey(),
                RetroBlueprintContextProvider.INTRO_VARIABLE, page.introXhtml());
        for (Element var : elements(template, AT, "var")) {
            String value = variables.get(var.getAttributeNS(AT, "name"));
            Node replacement;
            if ("true".equals(var.getAttributeNS(AT, "rawxhtml"))) {
                replacement = template.importNode(storage(value).getDocumentElement().getFirstChild(), true);
            } else {
                replacement = template.createTextNode(value);
            }
            var.getParentNode().replaceChild(replacement, var);
        }
        for (Element text : elements(template, AT, "i18n")) {
            text.getParentNode().replaceChild(template.createTextNode(i18n.getText(text.getAttributeNS(AT, "key"))), text);
        }
        String made = serialize(template.getDocumentElement());

        Document page2 = storage(made.substring(made.indexOf('>') + 1, made.lastIndexOf("</storage>")));
        assertThat(html(page2, "script")).isEmpty();
        assertThat(elements(page2, AC, "structured-macro")).hasSize(1);
        assertThat(html(page2, "p").get(0).getTextContent()).endsWith("OPS-12: " + hostile);
        assertThat(parameters(macro(page2)).get(RetroKeys.PARAM_ISSUE).getTextContent()).isEqualTo("OPS-12");
        assertThat(html(page2, "h2").get(0).getTextContent())
                .isEqualTo(i18n.getText(blueprint.template().sections().get(0).headingKey()));
    }

    /** The list items' placeholder keys of the first list after the heading with this key. */
    private static List<String> itemsAfter(Element body, String headingKey) {
        for (Element heading : html(body, "h2")) {
            if (i18nKey(heading).equals(headingKey)) {
                Element next = nextElement(heading);
                while (!next.getTagName().equals("ol") && !next.getTagName().equals("ul")) {
                    next = nextElement(next);
                }
                List<String> keys = new ArrayList<>();
                for (Element item : html(next, "li")) {
                    keys.add(i18nKey(elements(item, AC, "placeholder").get(0)));
                }
                return keys;
            }
        }
        throw new AssertionError("no heading " + headingKey);
    }

    private static Element firstElement(Element parent) {
        Node child = parent.getFirstChild();
        while (child != null && !(child instanceof Element)) {
            child = child.getNextSibling();
        }
        assertThat(child).as("an element in <" + parent.getTagName() + ">").isNotNull();
        return (Element) child;
    }

    private static Element nextElement(Element element) {
        Node next = element.getNextSibling();
        while (next != null && !(next instanceof Element)) {
            next = next.getNextSibling();
        }
        assertThat(next).as("an element after <" + element.getTagName() + ">").isNotNull();
        return (Element) next;
    }

    private static String textOutsideI18n(Node node) {
        StringBuilder text = new StringBuilder();
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE) {
                text.append(child.getNodeValue());
            } else if (child instanceof Element e && !(AT.equals(e.getNamespaceURI()))
                    && !(AC.equals(e.getNamespaceURI()) && e.getLocalName().equals("parameter"))) {
                text.append(textOutsideI18n(e));
            }
        }
        return text.toString();
    }

    private static String serialize(Element element) throws Exception {
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        StringWriter out = new StringWriter();
        transformer.transform(new DOMSource(element), new StreamResult(out));
        return out.toString();
    }
}
