package dev.failforward.jira.workflow;

import com.opensymphony.workflow.loader.FunctionDescriptor;
import com.opensymphony.workflow.loader.ValidatorDescriptor;
import dev.failforward.host.templates.VelocityTemplateRenderer;
import dev.failforward.jira.JiraI18n;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The workflow editor templates, rendered by Velocity 1.7 (strict references) with what the factories hand them. */
class WorkflowTemplatesTest {

    private final VelocityTemplateRenderer renderer = new VelocityTemplateRenderer();

    private Document render(String template, Map<String, ?> params) throws Exception {
        StringWriter out = new StringWriter();
        renderer.render("templates/workflow/" + template, Map.copyOf(params), out);
        return Jsoup.parseBodyFragment("<table>" + out + "</table>");
    }

    @Test
    void theInputFormHasOneControlPerArgument() throws Exception {
        Document form = render("module-input.vm", new LearningsValidator.Factory(JiraI18n.english()).getVelocityParams("input-parameters", null));
        assertThat(form.select("input[type=number]").eachAttr("name")).containsExactly("minLearnings", "minNextSteps");
        assertThat(form.select("input[name=minLearnings]").attr("value")).isEqualTo("3");
        assertThat(form.select("input[name=minLearnings]").attr("max")).isEqualTo("20");
        assertThat(form.select("label[for=ff-minLearnings]").text()).isEqualTo("Minimum learnings");
    }

    @Test
    void theEditFormShowsStoredValuesForEveryKindOfArgument() throws Exception {
        FunctionDescriptor stamp = new FunctionDescriptor();
        stamp.getArgs().put("field", "decidedAt");
        stamp.getArgs().put("overwrite", "true");
        Document form = render("module-input.vm", new StampTimeFunction.Factory(JiraI18n.english()).getVelocityParams("edit-parameters", stamp));
        assertThat(form.select("select[name=field] option").eachAttr("value")).containsExactly("reportedAt", "startedAt", "decidedAt", "resolvedAt");
        assertThat(form.select("select[name=field] option[selected]").text()).isEqualTo("Decided at");
        assertThat(form.select("input[type=checkbox][name=overwrite]").hasAttr("checked")).isTrue();

        ValidatorDescriptor hypothesis = new ValidatorDescriptor();
        Document flags = render("module-input.vm", new HypothesisValidator.Factory(JiraI18n.english()).getVelocityParams("edit-parameters", hypothesis));
        assertThat(flags.select("input[type=checkbox][name=blockOnSuggestions]").hasAttr("checked")).isFalse();
    }

    @Test
    void theViewIsTheSummary() throws Exception {
        ValidatorDescriptor descriptor = new ValidatorDescriptor();
        Document view = render("module-view.vm", new CriteriaValidator.Factory(JiraI18n.english()).getVelocityParams("view", descriptor));
        assertThat(view.text()).isEqualTo("At least 1 measurable success criteria and 1 measurable stop criteria.");
    }
}
