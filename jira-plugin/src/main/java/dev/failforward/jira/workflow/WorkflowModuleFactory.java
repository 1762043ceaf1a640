package dev.failforward.jira.workflow;

import com.atlassian.jira.plugin.workflow.AbstractWorkflowPluginFactory;
import com.atlassian.jira.plugin.workflow.WorkflowPluginConditionFactory;
import com.atlassian.jira.plugin.workflow.WorkflowPluginFunctionFactory;
import com.atlassian.jira.plugin.workflow.WorkflowPluginValidatorFactory;
import com.atlassian.sal.api.message.I18nResolver;
import com.opensymphony.workflow.loader.AbstractDescriptor;
import com.opensymphony.workflow.loader.ConditionDescriptor;
import com.opensymphony.workflow.loader.FunctionDescriptor;
import com.opensymphony.workflow.loader.ValidatorDescriptor;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one factory base of all Fail Forward workflow modules: a module declares its {@link ModuleArg}s and the i18n key
 * of its one-line summary; this class feeds the shared Velocity templates ({@code templates/workflow/*.vm}) and turns
 * the workflow editor's form into descriptor arguments.
 *
 * <p>The templates receive only maps, lists and plain text, so they call no method the Velocity allowlist would have
 * to admit beyond {@code Map#get}; Jira's renderer HTML-escapes every printed value once.
 */
public abstract class WorkflowModuleFactory extends AbstractWorkflowPluginFactory
        implements WorkflowPluginValidatorFactory, WorkflowPluginConditionFactory, WorkflowPluginFunctionFactory {

    private final I18nResolver i18n;
    private final String summaryI18nKey;
    private final List<ModuleArg> args;

    protected WorkflowModuleFactory(I18nResolver i18n, String summaryI18nKey, List<ModuleArg> args) {
        this.i18n = i18n;
        this.summaryI18nKey = summaryI18nKey;
        this.args = List.copyOf(args);
    }

    public List<ModuleArg> args() {
        return args;
    }

    @Override
    protected void getVelocityParamsForInput(Map<String, Object> velocityParams) {
        velocityParams.put("args", fields(Map.of()));
    }

    @Override
    protected void getVelocityParamsForEdit(Map<String, Object> velocityParams, AbstractDescriptor descriptor) {
        velocityParams.put("args", fields(storedArgs(descriptor)));
    }

    @Override
    protected void getVelocityParamsForView(Map<String, Object> velocityParams, AbstractDescriptor descriptor) {
        velocityParams.put("summary", summary(storedArgs(descriptor)));
    }

    @Override
    public Map<String, ?> getDescriptorParams(Map<String, Object> formParams) {
        Map<String, String> params = new LinkedHashMap<>();
        for (ModuleArg arg : args) {
            params.put(arg.name(), arg.normalise(extractSingleParam(formParams, arg.name()), true));
        }
        return params;
    }

    /** The module's one-line description with its current settings, as shown on the transition's tab. */
    public String summary(Map<?, ?> stored) {
        Serializable[] values = args.stream().map(arg -> display(arg, arg.normalise(stored.get(arg.name()), false)))
                .toArray(Serializable[]::new);
        return i18n.getText(summaryI18nKey, values);
    }

    private String display(ModuleArg arg, String value) {
        return switch (arg.type()) {
            case BOOLEAN -> i18n.getText("true".equals(value) ? "failforward.workflow.arg.yes" : "failforward.workflow.arg.no");
            case CHOICE -> i18n.getText(arg.labelI18nKey() + "." + value);
            case NUMBER -> value;
        };
    }

    private List<Map<String, Object>> fields(Map<?, ?> stored) {
        List<Map<String, Object>> fields = new ArrayList<>();
        for (ModuleArg arg : args) {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("name", arg.name());
            field.put("type", arg.type().name().toLowerCase(java.util.Locale.ROOT));
            field.put("value", arg.normalise(stored.get(arg.name()), false));
            field.put("checked", "true".equals(arg.normalise(stored.get(arg.name()), false)));
            field.put("min", arg.min());
            field.put("max", arg.max());
            field.put("label", i18n.getText(arg.labelI18nKey()));
            List<Map<String, Object>> choices = new ArrayList<>();
            for (String choice : arg.choices()) {
                choices.add(Map.of("value", choice, "selected", choice.equals(field.get("value")),
                        "label", i18n.getText(arg.labelI18nKey() + "." + choice)));
            }
            field.put("choices", choices);
            fields.add(field);
        }
        return fields;
    }

    private static Map<?, ?> storedArgs(AbstractDescriptor descriptor) {
        if (descriptor instanceof ValidatorDescriptor validator) {
            return validator.getArgs();
        }
        if (descriptor instanceof ConditionDescriptor condition) {
            return condition.getArgs();
        }
        if (descriptor instanceof FunctionDescriptor function) {
            return function.getArgs();
        }
        return Map.of();
    }
}
