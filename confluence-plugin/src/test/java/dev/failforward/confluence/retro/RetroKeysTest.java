package dev.failforward.confluence.retro;

import dev.failforward.confluence.blueprint.RetroBlueprint;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RetroKeys} (with {@link RetroTemplate} and {@link RetroBlueprint}, which take their names from it) is the one
 * place where a retro template id or a field key is spelt: the descriptor, the content templates, the wizard's soy
 * form and script, the macro browser's i18n keys say the same, and no Java source spells one of its values again.
 * Each comparison returns its differences as sentences, and is also fed drifted copies to show that it sees them.
 */
class RetroKeysTest {

    static final String DESCRIPTOR = "atlassian-plugin.xml";
    static final String SOY = "soy/retro-blueprint.soy";
    static final String SCRIPT = "js/retro-blueprint.js";
    static final String BUNDLE = "i18n/failforward-confluence.properties";
    static final Path MAIN_JAVA = Path.of(System.getProperty("basedir", "."), "src", "main", "java");

    private static final String AC = "http://atlassian.com/content";
    private static final String AT = "http://atlassian.com/template";

    // ---------------------------------------------------------------------------------------------------------------
    // the comparisons

    /** The macro with its parameters and template ids, and each blueprint's web-item, blueprint and content template. */
    static List<String> driftOfDescriptor(String xml) throws Exception {
        List<String> drift = new ArrayList<>();
        Element root = parse(xml).getDocumentElement();

        List<Element> macros = children(root, "xhtml-macro").stream()
                .filter(m -> m.getAttribute("class").endsWith(".RetroMacro")).toList();
        if (macros.size() != 1 || !macros.get(0).getAttribute("name").equals(RetroKeys.MACRO)) {
            drift.add("the RetroMacro module is not one <xhtml-macro name=\"" + RetroKeys.MACRO + "\">: "
                    + macros.stream().map(m -> m.getAttribute("name")).toList());
        }
        for (Element macro : macros) {
            Map<String, Element> parameters = new LinkedHashMap<>();
            for (Element parameters1 : children(macro, "parameters")) {
                for (Element parameter : children(parameters1, "parameter")) {
                    parameters.put(parameter.getAttribute("name"), parameter);
                }
            }
            List<String> declared = List.of(RetroKeys.PARAM_ISSUE, RetroKeys.PARAM_TEMPLATE, RetroKeys.PARAM_PROJECTS);
            if (!parameters.keySet().equals(new LinkedHashSet<>(declared))) {
                drift.add("the macro's parameters are " + parameters.keySet() + ", RetroKeys has " + declared);
            }
            Element template = parameters.get(RetroKeys.PARAM_TEMPLATE);
            if (template != null) {
                List<String> values = children(template, "value").stream().map(v -> v.getAttribute("name")).toList();
                if (!values.equals(RetroTemplate.ids())) {
                    drift.add("the template parameter's values are " + values + ", the templates' ids "
                            + RetroTemplate.ids());
                }
                if (!template.getAttribute("default").equals(RetroTemplate.DEFAULT.id())) {
                    drift.add("the template parameter's default is " + template.getAttribute("default") + ", not "
                            + RetroTemplate.DEFAULT.id());
                }
            }
        }

        Map<String, Element> modules = new LinkedHashMap<>();
        for (Element module : children(root, null)) {
            modules.put(module.getTagName() + " " + module.getAttribute("key"), module);
        }
        Set<String> expected = new TreeSet<>();
        for (RetroBlueprint blueprint : RetroBlueprint.values()) {
            String name = blueprint.name();
            expected.add(blueprint.contentTemplateKey());
            Element content = modules.get("content-template " + blueprint.contentTemplateKey());
            if (content == null) {
                drift.add(name + ": no <content-template key=\"" + blueprint.contentTemplateKey() + "\">");
            } else {
                List<String> files = children(content, "resource").stream().map(r -> r.getAttribute("location")).toList();
                if (!files.equals(List.of(blueprint.templateFile()))) {
                    drift.add(name + ": the content template's file is " + files + ", not " + blueprint.templateFile());
                }
                List<String> params = new ArrayList<>();
                for (Element provider : children(content, "context-provider")) {
                    for (Element param : children(provider, "param")) {
                        params.add(param.getAttribute("name") + "=" + param.getAttribute("value"));
                    }
                }
                String param = RetroKeys.CONTEXT_PROVIDER_TEMPLATE_PARAM + "=" + blueprint.template().id();
                if (!params.equals(List.of(param))) {
                    drift.add(name + ": the context provider's parameters are " + params + ", not [" + param + "]");
                }
            }
            Element module = modules.get("blueprint " + blueprint.blueprintKey());
            if (module == null) {
                drift.add(name + ": no <blueprint key=\"" + blueprint.blueprintKey() + "\">");
            } else {
                if (!module.getAttribute("content-template-key").equals(blueprint.contentTemplateKey())) {
                    drift.add(name + ": the blueprint's content-template-key is "
                            + module.getAttribute("content-template-key") + ", not " + blueprint.contentTemplateKey());
                }
                for (Element wizard : children(module, "dialog-wizard")) {
                    for (Element page : children(wizard, "dialog-page")) {
                        if (!page.getAttribute("id").equals(RetroKeys.WIZARD_PAGE)) {
                            drift.add(name + ": the wizard's page is " + page.getAttribute("id") + ", not "
                                    + RetroKeys.WIZARD_PAGE);
                        }
                    }
                }
            }
            Element item = modules.get("web-item " + blueprint.webItemKey());
            String itemBlueprint = item == null ? null : children(item, "param").stream()
                    .filter(p -> p.getAttribute("name").equals("blueprintKey")).map(p -> p.getAttribute("value"))
                    .findFirst().orElse(null);
            if (!blueprint.blueprintKey().equals(itemBlueprint)) {
                drift.add(name + ": no <web-item key=\"" + blueprint.webItemKey() + "\"> with blueprintKey "
                        + blueprint.blueprintKey());
            }
        }
        Set<String> declared = new TreeSet<>();
        // the showcase's content template is not a retro's: ShowcaseKeysTest checks it
        modules.keySet().stream().filter(k -> k.startsWith("content-template ")).map(k -> k.substring(17))
                .filter(k -> !k.equals(dev.failforward.confluence.showcase.ShowcaseKeys.CONTENT_TEMPLATE))
                .forEach(declared::add);
        if (!declared.equals(expected)) {
            drift.add("the descriptor's content templates are " + declared + ", the blueprints' " + expected);
        }
        return drift;
    }

    /** A blueprint's content template: the retro macro with the blueprint's template id and the two variables. */
    static List<String> driftOfContentTemplate(RetroBlueprint blueprint, String storage) throws Exception {
        List<String> drift = new ArrayList<>();
        Document document = parse("<storage xmlns:ac=\"" + AC + "\" xmlns:at=\"" + AT + "\">" + storage + "</storage>");
        List<Element> macros = elements(document, AC, "structured-macro");
        if (macros.size() != 1 || !macros.get(0).getAttributeNS(AC, "name").equals(RetroKeys.MACRO)) {
            drift.add(blueprint.templateFile() + ": not one " + RetroKeys.MACRO + " macro: "
                    + macros.stream().map(m -> m.getAttributeNS(AC, "name")).toList());
            return drift;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Node child = macros.get(0).getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && AC.equals(e.getNamespaceURI()) && e.getLocalName().equals("parameter")) {
                parameters.put(e.getAttributeNS(AC, "name"), e.getTextContent().strip());
            }
        }
        if (!parameters.keySet().equals(Set.of(RetroKeys.PARAM_ISSUE, RetroKeys.PARAM_TEMPLATE))) {
            drift.add(blueprint.templateFile() + ": the macro's parameters are " + parameters.keySet());
        } else if (!parameters.get(RetroKeys.PARAM_TEMPLATE).equals(blueprint.template().id())) {
            drift.add(blueprint.templateFile() + ": template " + parameters.get(RetroKeys.PARAM_TEMPLATE) + ", not "
                    + blueprint.template().id());
        }
        Set<String> variables = new TreeSet<>();
        elements(document, AT, "var").forEach(v -> variables.add(v.getAttributeNS(AT, "name")));
        Set<String> known = new TreeSet<>(List.of(RetroKeys.VARIABLE_ISSUE_KEY, RetroKeys.VARIABLE_INTRO));
        if (!variables.equals(known)) {
            drift.add(blueprint.templateFile() + ": variables " + variables + ", the context provider fills " + known);
        }
        return drift;
    }

    /** The wizard: the soy form's field name, the script's page id, field and web-items. */
    static List<String> driftOfWizard(String soy, String script) {
        List<String> drift = new ArrayList<>();
        List<String> names = all(Pattern.compile("\\bname=\"([^\"]*)\""), soy);
        if (!names.equals(List.of(RetroKeys.WIZARD_ISSUE_KEY_FIELD))) {
            drift.add(SOY + ": the form's fields are " + names + ", not [" + RetroKeys.WIZARD_ISSUE_KEY_FIELD + "]");
        }
        String page = first(Pattern.compile("var PAGE_ID = '([^']*)';"), script);
        if (!RetroKeys.WIZARD_PAGE.equals(page)) {
            drift.add(SCRIPT + ": PAGE_ID is " + page + ", not " + RetroKeys.WIZARD_PAGE);
        }
        String field = first(Pattern.compile("var FIELD = '([^']*)';"), script);
        if (!RetroKeys.WIZARD_ISSUE_KEY_FIELD.equals(field)) {
            drift.add(SCRIPT + ": FIELD is " + field + ", not " + RetroKeys.WIZARD_ISSUE_KEY_FIELD);
        }
        Matcher items = Pattern.compile("var WEB_ITEMS = \\[(.*?)];", Pattern.DOTALL).matcher(script);
        List<String> registered = items.find() ? all(Pattern.compile("'([^']*)'"), items.group(1)) : List.of();
        List<String> webItems = Arrays.stream(RetroBlueprint.values()).map(b -> RetroKeys.completeKey(b.webItemKey()))
                .toList();
        if (!registered.equals(webItems)) {
            drift.add(SCRIPT + ": WEB_ITEMS is " + registered + ", not " + webItems);
        }
        return drift;
    }

    /** The macro browser's labels: the macro's parameters, and one label for each template id and no other. */
    static List<String> driftOfMessages(Properties messages) {
        List<String> drift = new ArrayList<>();
        String prefix = RetroKeys.PLUGIN_KEY + "." + RetroKeys.MACRO + ".";
        for (String key : List.of(prefix + "label", prefix + "param." + RetroKeys.PARAM_ISSUE + ".label",
                prefix + "param." + RetroKeys.PARAM_TEMPLATE + ".label",
                prefix + "param." + RetroKeys.PARAM_PROJECTS + ".label")) {
            if (messages.getProperty(key, "").isBlank()) {
                drift.add("no message " + key);
            }
        }
        Set<String> labels = new TreeSet<>();
        String valuePrefix = RetroKeys.parameterValueLabelKey(RetroKeys.PARAM_TEMPLATE, "");
        messages.stringPropertyNames().stream().filter(k -> k.startsWith(valuePrefix)).forEach(labels::add);
        Set<String> expected = new TreeSet<>();
        RetroTemplate.ids().forEach(id -> expected.add(RetroKeys.parameterValueLabelKey(RetroKeys.PARAM_TEMPLATE, id)));
        if (!labels.equals(expected)) {
            drift.add("the template values' labels are " + labels + ", the templates need " + expected);
        }
        return drift;
    }

    /**
     * The Java sources (comments left out) that spell a value of {@link RetroKeys} in a string literal, other than
     * {@code RetroKeys.java}. Only the distinctive values count: {@code "issue"}, {@code "template"},
     * {@code "projects"} and {@code "issueKey"} are also ordinary JSON and parameter names elsewhere.
     */
    static List<String> literalsInJava(Map<String, String> sources) throws IllegalAccessException {
        Set<String> values = new TreeSet<>();
        for (Field field : RetroKeys.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                values.add((String) field.get(null));
            }
        }
        values.removeAll(List.of(RetroKeys.PARAM_ISSUE, RetroKeys.PARAM_TEMPLATE, RetroKeys.PARAM_PROJECTS,
                RetroKeys.WIZARD_ISSUE_KEY_FIELD,
                RetroKeys.PLUGIN_KEY, RetroKeys.CONTEXT_PROVIDER_TEMPLATE_PARAM));
        List<String> drift = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            if (source.getKey().endsWith("/RetroKeys.java")) {
                continue;
            }
            Set<String> literals = stringLiterals(source.getValue());
            for (String value : values) {
                if (literals.contains(value)) {
                    drift.add(source.getKey() + " spells \"" + value + "\": use RetroKeys");
                }
            }
        }
        return drift;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the real files

    @Test
    void theDescriptorSaysWhatRetroKeysSays() throws Exception {
        assertThat(driftOfDescriptor(resource(DESCRIPTOR))).isEmpty();
    }

    @Test
    void theContentTemplatesSayWhatRetroKeysSays() throws Exception {
        for (RetroBlueprint blueprint : RetroBlueprint.values()) {
            assertThat(driftOfContentTemplate(blueprint, resource(blueprint.templateFile()))).isEmpty();
        }
    }

    @Test
    void theWizardSaysWhatRetroKeysSays() throws IOException {
        assertThat(driftOfWizard(resource(SOY), resource(SCRIPT))).isEmpty();
    }

    @Test
    void theBundleHasALabelForEachTemplate() throws IOException {
        assertThat(driftOfMessages(bundle())).isEmpty();
    }

    @Test
    void noJavaSourceSpellsAKeyAgain() throws Exception {
        Map<String, String> sources = mainSources();
        assertThat(sources).as("the scan found the plugin's sources").containsKey("dev/failforward/confluence/retro/RetroKeys.java");
        assertThat(literalsInJava(sources)).isEmpty();
    }

    @Test
    void theTemplatesAndBlueprintsTakeTheirNamesFromRetroKeys() {
        assertThat(RetroTemplate.ids()).containsExactly(RetroKeys.TEMPLATE_EXPERIMENT_RETRO,
                RetroKeys.TEMPLATE_INCIDENT_POSTMORTEM, RetroKeys.TEMPLATE_24_HOUR_REVIEW, RetroKeys.TEMPLATE_FAILURE_HUDDLE);
        assertThat(RetroBlueprint.POSTMORTEM.webItemKey()).isEqualTo(RetroKeys.POSTMORTEM_WEB_ITEM);
        assertThat(RetroKeys.completeKey(RetroKeys.POSTMORTEM_WEB_ITEM))
                .isEqualTo("dev.failforward.confluence:postmortem-create-item");
        assertThat(RetroKeys.parameterValueLabelKey("template", "failure-huddle"))
                .isEqualTo("dev.failforward.confluence.failforward-retro.param.template.value.failure-huddle");
        assertThat(RetroParameters.ISSUE).isEqualTo(RetroKeys.PARAM_ISSUE);
        assertThat(RetroParameters.TEMPLATE).isEqualTo(RetroKeys.PARAM_TEMPLATE);
        assertThat(RetroParameters.PROJECTS).isEqualTo(RetroKeys.PARAM_PROJECTS);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the comparisons see drift

    @Test
    void aDescriptorThatDriftedIsSeen() throws Exception {
        String descriptor = resource(DESCRIPTOR);
        assertThat(driftOfDescriptor(descriptor.replace("<value name=\"24-hour-review\"/>", "<value name=\"24h-review\"/>")))
                .anySatisfy(d -> assertThat(d).startsWith("the template parameter's values are").contains("24h-review"));
        assertThat(driftOfDescriptor(descriptor.replace("default=\"experiment-retro\"", "default=\"failure-huddle\"")))
                .containsExactly("the template parameter's default is failure-huddle, not experiment-retro");
        assertThat(driftOfDescriptor(descriptor.replace("<param name=\"template\" value=\"incident-postmortem\"/>",
                "<param name=\"template\" value=\"postmortem\"/>")))
                .containsExactly("POSTMORTEM: the context provider's parameters are [template=postmortem], not "
                        + "[template=incident-postmortem]");
        assertThat(driftOfDescriptor(descriptor.replace("<dialog-page id=\"retroIssuePage\"", "<dialog-page id=\"issuePage\"")))
                .anySatisfy(d -> assertThat(d).contains("issuePage"));
        assertThat(driftOfDescriptor(descriptor.replace("value=\"postmortem-blueprint\"", "value=\"pm-blueprint\"")))
                .anySatisfy(d -> assertThat(d).contains("postmortem-create-item"));
        assertThat(driftOfDescriptor(descriptor.replace("<parameter name=\"issue\"", "<parameter name=\"jiraIssue\"")))
                .anySatisfy(d -> assertThat(d).startsWith("the macro's parameters are [jiraIssue, template, projects]"));
        assertThat(driftOfDescriptor(descriptor.replace("templates/blueprints/experiment-retro.xml",
                "templates/blueprints/retro.xml"))).anySatisfy(d -> assertThat(d).contains("retro.xml"));
    }

    @Test
    void contentTemplatesThatDriftedAreSeen() throws Exception {
        String postmortem = resource(RetroBlueprint.POSTMORTEM.templateFile());
        assertThat(driftOfContentTemplate(RetroBlueprint.POSTMORTEM, postmortem.replace(
                ">incident-postmortem</ac:parameter>", ">experiment-retro</ac:parameter>")))
                .containsExactly("templates/blueprints/postmortem.xml: template experiment-retro, not incident-postmortem");
        assertThat(driftOfContentTemplate(RetroBlueprint.POSTMORTEM, postmortem.replace("ffIssueKey", "ffKey")))
                .anySatisfy(d -> assertThat(d).contains("[ffIntroXhtml, ffKey]"));
        assertThat(driftOfContentTemplate(RetroBlueprint.POSTMORTEM, postmortem.replace("ac:name=\"failforward-retro\"",
                "ac:name=\"failforward-postmortem\""))).anySatisfy(d -> assertThat(d).contains("failforward-postmortem"));
    }

    @Test
    void aWizardThatDriftedIsSeen() throws IOException {
        String soy = resource(SOY);
        String script = resource(SCRIPT);
        assertThat(driftOfWizard(soy.replace("name=\"issueKey\"", "name=\"key\""), script))
                .containsExactly(SOY + ": the form's fields are [key], not [issueKey]");
        assertThat(driftOfWizard(soy, script.replace("var PAGE_ID = 'retroIssuePage';", "var PAGE_ID = 'issuePage';")))
                .containsExactly(SCRIPT + ": PAGE_ID is issuePage, not retroIssuePage");
        assertThat(driftOfWizard(soy, script.replace("var FIELD = 'issueKey';", "var FIELD = 'issue';")))
                .containsExactly(SCRIPT + ": FIELD is issue, not issueKey");
        assertThat(driftOfWizard(soy, script.replace(":experiment-retro-create-item'", ":retro-create-item'")))
                .anySatisfy(d -> assertThat(d).startsWith(SCRIPT + ": WEB_ITEMS is"));
    }

    @Test
    void aBundleThatDriftedIsSeen() throws IOException {
        Properties messages = bundle();
        messages.remove(RetroKeys.parameterValueLabelKey(RetroKeys.PARAM_TEMPLATE, RetroKeys.TEMPLATE_FAILURE_HUDDLE));
        messages.setProperty(RetroKeys.parameterValueLabelKey(RetroKeys.PARAM_TEMPLATE, "pre-mortem"), "Pre-mortem");
        assertThat(driftOfMessages(messages)).singleElement().asString().contains("pre-mortem").contains("failure-huddle");
    }

    @Test
    void aJavaSourceThatSpellsAKeyIsSeen() throws Exception {
        Map<String, String> sources = Map.of(
                "a/Spelt.java", "class Spelt { String t = \"incident-postmortem\"; String v = \"ffIntroXhtml\"; }",
                "a/Commented.java", "/** {@code <param name=\"template\" value=\"incident-postmortem\"/>} */\n"
                        + "class Commented { // \"failure-huddle\"\n String s = \"no // comment \\\" here\"; }",
                "a/Generic.java", "class Generic { String issue = \"issue\"; String key = \"issueKey\"; }");
        assertThat(literalsInJava(sources)).containsExactlyInAnyOrder(
                "a/Spelt.java spells \"ffIntroXhtml\": use RetroKeys",
                "a/Spelt.java spells \"incident-postmortem\": use RetroKeys");
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** The contents of the string literals of a Java source, comments and text blocks left out. */
    static Set<String> stringLiterals(String source) {
        Set<String> literals = new LinkedHashSet<>();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = source.indexOf('\n', i) < 0 ? source.length() : source.indexOf('\n', i);
            } else if (source.startsWith("/*", i)) {
                i = source.indexOf("*/", i + 2) < 0 ? source.length() : source.indexOf("*/", i + 2) + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                i = source.indexOf("\"\"\"", i + 3) < 0 ? source.length() : source.indexOf("\"\"\"", i + 3) + 3;
            } else if (c == '\'') {
                i = source.charAt(i + 1) == '\\' ? source.indexOf('\'', i + 3) + 1 : i + 3;
            } else if (c == '"') {
                StringBuilder literal = new StringBuilder();
                int j = i + 1;
                while (j < source.length() && source.charAt(j) != '"') {
                    if (source.charAt(j) == '\\') {
                        j++;
                    }
                    literal.append(source.charAt(j));
                    j++;
                }
                literals.add(literal.toString());
                i = j + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    private static Map<String, String> mainSources() throws IOException {
        Map<String, String> sources = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(MAIN_JAVA)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                sources.put(MAIN_JAVA.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        }
        return sources;
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && (name == null || e.getTagName().equals(name))) {
                result.add(e);
            }
        }
        return result;
    }

    private static List<Element> elements(Document document, String namespace, String localName) {
        NodeList list = document.getElementsByTagNameNS(namespace, localName);
        List<Element> result = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            result.add((Element) list.item(i));
        }
        return result;
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    static String resource(String path) throws IOException {
        try (InputStream in = RetroKeysTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path + " on the class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Properties bundle() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = RetroKeysTest.class.getClassLoader().getResourceAsStream(BUNDLE)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
