package dev.failforward.buildtools.descriptor;

import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PluginDescriptorTest {

    private static final String XML = """
            <atlassian-plugin key="dev.example" name="Example" plugins-version="2">
                <plugin-info><version>1</version></plugin-info>
                <resource type="i18n" name="i18n" location="i18n.example"/>
                <resource type="download" name="images/" location="images/"/>
                <ao key="db">
                    <entity>dev.example.NoteEntity</entity>
                    <entity>dev.example.TagEntity</entity>
                    <upgradeTask>dev.example.Upgrade002</upgradeTask>
                </ao>
                <rest key="rest" path="/example" version="1.0">
                    <package>dev.example.rest</package>
                </rest>
                <rest key="all" path="other" version="2"/>
                <workflow-validator key="v" class="dev.example.V$Factory"><validator-class>dev.example.V</validator-class></workflow-validator>
                <workflow-condition key="c" class="dev.example.C$Factory"><condition-class>dev.example.C</condition-class></workflow-condition>
                <workflow-function key="f" class="dev.example.F$Factory"><function-class>dev.example.F</function-class></workflow-function>
                <web-resource key="page">
                    <dependency>com.atlassian.auiplugin:ajs</dependency>
                    <transformation extension="js"><transformer key="jsI18n"/></transformation>
                    <resource type="download" name="page.js" location="js/page.js"/>
                    <resource type="velocity" name="view" location="x.vm"/>
                    <context>atl.general</context>
                </web-resource>
                <servlet key="admin" class="dev.example.AdminServlet"><url-pattern>/example/admin</url-pattern></servlet>
                <xhtml-macro name="example-macro" key="macro" class="dev.example.Macro"/>
                <web-item key="link" section="x"/>
                <web-item key="op" section="operations-top-level" weight="60"><label key="example.op"/>
                    <link linkId="op"> /plugins/servlet/op?issueId=${issue.id} </link>
                    <condition class="dev.example.OpCondition"/></web-item>
                <dashboard-item key="chart" configurable="true">
                    <definition><title key="example.chart.title"/></definition>
                    <amd-module>example/chart</amd-module>
                </dashboard-item>
                <web-panel key="panel" location="atl.jira.view.issue.right.context" weight="150">
                    <context-provider class="dev.example.PanelContext"/>
                    <condition class="dev.example.PanelCondition"/>
                    <resource type="velocity" name="view" location="templates/panel.vm"/>
                </web-panel>
                <web-panel key="plain" location="somewhere" class="dev.example.Panel"/>
            </atlassian-plugin>
            """;

    @Test
    void readsEveryModuleIntoItsType() throws SAXException {
        PluginDescriptor d = PluginDescriptor.parse(XML.getBytes(StandardCharsets.UTF_8));
        assertThat(d.key()).isEqualTo("dev.example");
        assertThat(d.i18nBundles()).containsExactly("i18n.example");
        assertThat(d.downloads()).containsExactly(Map.entry("images/", "images/"));
        assertThat(d.modules()).extracting(PluginDescriptor.Module::kind).containsExactly("ao", "rest", "rest",
                "workflow-validator", "workflow-condition", "workflow-function", "web-resource", "servlet", "xhtml-macro", "web-item",
                "web-item", "dashboard-item", "web-panel", "web-panel");
        assertThat(d.modules(PluginDescriptor.Ao.class)).containsExactly(new PluginDescriptor.Ao("db",
                List.of("dev.example.NoteEntity", "dev.example.TagEntity"), List.of("dev.example.Upgrade002")));
        List<PluginDescriptor.Rest> rest = d.modules(PluginDescriptor.Rest.class);
        assertThat(rest.get(0).packages()).containsExactly("dev.example.rest");
        assertThat(rest.get(0).basePath()).isEqualTo("/example/1.0");
        assertThat(rest.get(1).packages()).isEmpty();
        assertThat(rest.get(1).basePath()).isEqualTo("/other/2");
        assertThat(d.modules(PluginDescriptor.WorkflowModule.class)).containsExactly(
                new PluginDescriptor.WorkflowModule("workflow-validator", "v", "dev.example.V$Factory", "dev.example.V"),
                new PluginDescriptor.WorkflowModule("workflow-condition", "c", "dev.example.C$Factory", "dev.example.C"),
                new PluginDescriptor.WorkflowModule("workflow-function", "f", "dev.example.F$Factory", "dev.example.F"));
        PluginDescriptor.WebResource page = d.modules(PluginDescriptor.WebResource.class).get(0);
        assertThat(page.resources()).containsExactly(Map.entry("page.js", "js/page.js"));
        assertThat(page.dependencies()).containsExactly("com.atlassian.auiplugin:ajs");
        assertThat(page.contexts()).containsExactly("atl.general");
        assertThat(page.jsI18n()).isTrue();
        assertThat(d.modules(PluginDescriptor.Servlet.class)).containsExactly(
                new PluginDescriptor.Servlet("admin", "dev.example.AdminServlet", List.of("/example/admin")));
        assertThat(d.modules(PluginDescriptor.XhtmlMacro.class)).containsExactly(
                new PluginDescriptor.XhtmlMacro("macro", "example-macro", "dev.example.Macro"));
        assertThat(d.module("link")).contains(new PluginDescriptor.WebItem("link", "x", 1000, null, null, null));
        assertThat(d.module("op")).contains(new PluginDescriptor.WebItem("op", "operations-top-level", 60, "example.op",
                "/plugins/servlet/op?issueId=${issue.id}", "dev.example.OpCondition"));
        assertThat(d.modules(PluginDescriptor.WebPanel.class)).containsExactly(
                new PluginDescriptor.WebPanel("panel", "atl.jira.view.issue.right.context", 150,
                        "dev.example.PanelContext", "dev.example.PanelCondition", "templates/panel.vm"),
                new PluginDescriptor.WebPanel("plain", "somewhere", 1000, null, null, null));
        assertThat(d.module("chart")).contains(new PluginDescriptor.DashboardItem("chart", "example.chart.title", "example/chart"));
        assertThat(PluginDescriptor.i18nEntry("i18n.example")).isEqualTo("i18n/example.properties");
    }

    @Test
    void aDescriptorThatIsNotWellFormedIsRefusedWithItsLine() {
        assertThatThrownBy(() -> PluginDescriptor.parse("<atlassian-plugin key=\"x\">\n<ao>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SAXException.class).hasMessageContaining("line 2");
    }

    @Test
    void anExternalEntityIsNeverRead() throws SAXException {
        String xml = "<!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<atlassian-plugin key=\"x\"><ao key=\"a\"><entity>&e;</entity></ao></atlassian-plugin>";
        assertThat(PluginDescriptor.parse(xml.getBytes(StandardCharsets.UTF_8)).modules(PluginDescriptor.Ao.class).get(0)
                .entities()).containsExactly("");
    }
}
