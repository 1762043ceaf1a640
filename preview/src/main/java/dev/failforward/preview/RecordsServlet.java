package dev.failforward.preview;

import com.atlassian.sal.api.message.I18nResolver;
import dev.failforward.core.lifecycle.FieldProblem;
import dev.failforward.core.record.ActionItem;
import dev.failforward.core.record.ActionItemCommand;
import dev.failforward.core.record.ActionType;
import dev.failforward.core.record.CheckInResult;
import dev.failforward.core.record.FailureDbProblem.Fields;
import dev.failforward.core.record.FailureRecord;
import dev.failforward.core.record.LearningCommand;
import dev.failforward.core.record.LearningKind;
import dev.failforward.core.record.StaleEditException;
import dev.failforward.core.record.WhyStep;
import dev.failforward.core.text.Html;
import dev.failforward.jira.failuredb.CheckIn;
import dev.failforward.jira.failuredb.FailureDbException;
import dev.failforward.jira.failuredb.FailureDbService;
import dev.failforward.jira.failuredb.InvalidCommandException;
import dev.failforward.jira.failuredb.RecordDetails;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /jira/records/*}: one failure record with its learnings, action items and 5 whys, and forms to add a learning
 * and an action item and to record an action item's effectiveness check-in — all through the plugin's
 * {@link FailureDbService}, the service behind its REST API, as the preview's demo user.
 * <pre>
 *   GET  /jira/records/KEY                           the record
 *   POST /jira/records/KEY/learnings                 add a learning       text, kind
 *   POST /jira/records/KEY/actions                   add an action item   description, owner, dueDate, type, checkInDate
 *   POST /jira/records/KEY/actions/ID/check-in       check-in             date, result, note, version
 * </pre>
 * Refused input answers 400 with the page again: each core {@link FieldProblem} under the form field it names (named
 * as the REST API names the body fields) and what was typed kept.
 */
final class RecordsServlet extends PageServlet {

    private static final Pattern PATH = Pattern.compile("/([A-Z][A-Z0-9_]*-\\d+)(/learnings|/actions|/actions/(\\d{1,18})/check-in)?");

    /** The core's field keys as the form fields (= the REST API's body fields) of learnings and action items. */
    private static final Map<String, String> BODY = Map.of(
            Fields.LEARNING_TEXT, "text",
            Fields.LEARNING_KIND, "kind",
            Fields.ACTION_DESCRIPTION, "description",
            Fields.ACTION_OWNER, "owner",
            Fields.ACTION_DUE_DATE, "dueDate",
            Fields.ACTION_TYPE, "type",
            Fields.ACTION_CHECK_IN_DATE, "checkInDate");

    /** … and of a check-in, as the REST API's check-in body names them. */
    private static final Map<String, String> CHECK_IN = Map.of(
            Fields.ACTION_CHECK_IN_DATE, "date",
            Fields.ACTION_CHECK_IN_RESULT, "result",
            Fields.ACTION_CHECK_IN_NOTE, "note");

    private static final List<String> DONE = List.of("learning", "action", "checkin");

    private final transient FailureDbService failureDb;
    private final transient RecordModel recordModel;
    private final transient I18nResolver i18n;
    private final transient PreviewCsrf csrf;

    RecordsServlet(PreviewServices services) {
        super(services.templates);
        this.failureDb = services.failureDb;
        this.recordModel = new RecordModel(services.previewI18n, services.kpiUser.zone());
        this.i18n = services.previewI18n;
        this.csrf = services.csrf;
    }

    /** A form shown again after a refusal: which one, what was typed, the errors by form field, errors for the top. */
    private record Refused(String form, long actionId, Map<String, String> values, Map<String, String> fieldErrors,
                           List<String> errors) {
        static Refused none() {
            return new Refused("", 0, Map.of(), Map.of(), List.of());
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher m = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!m.matches() || m.group(2) != null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Optional<RecordDetails> details = details(m.group(1));
        if (details.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String done = request.getParameter("done");
        show(response, csrf.token(request, response), 200, details.get(), done != null && DONE.contains(done) ? done : null,
                Refused.none());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        Optional<PreviewCsrf.Refusal> forged = csrf.check(request);
        if (forged.isPresent()) {
            forbidden(response, i18n, forged.get());
            return;
        }
        Matcher m = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!m.matches() || m.group(2) == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String key = m.group(1);
        String token = csrf.token(request, response);
        String form;
        long actionId = 0;
        Map<String, String> values = new LinkedHashMap<>();
        try {
            if (m.group(2).equals("/learnings")) {
                form = "learning";
                read(request, values, "text", "kind");
                failureDb.addLearning(key, new LearningCommand(values.get("text"), values.get("kind")));
            } else if (m.group(3) == null) {
                form = "action";
                read(request, values, "description", "owner", "dueDate", "type", "checkInDate");
                failureDb.addAction(key, new ActionItemCommand(values.get("description"), values.get("owner"),
                        values.get("dueDate"), values.get("type"), null, values.get("checkInDate"), null, null));
            } else {
                form = "checkin";
                actionId = Long.parseLong(m.group(3));
                read(request, values, "date", "result", "note", "version");
                // the REST API requires both in the body; a form sends them blank
                Map<String, String> missing = new LinkedHashMap<>();
                for (String field : List.of("date", "result")) {
                    if (values.getOrDefault(field, "").isBlank()) {
                        missing.put(field, i18n.getText("preview.record.checkin." + field + ".required"));
                    }
                }
                if (!missing.isEmpty()) {
                    respondRefused(response, token, 400, key, new Refused(form, actionId, values, missing, List.of()));
                    return;
                }
                failureDb.checkIn(key, actionId, new CheckIn(values.get("date"), values.get("result"), values.get("note"),
                        version(values.get("version"))));
            }
            response.sendRedirect("/jira/records/" + key + "?done=" + form);
            return;
        } catch (FailureDbException.NotFound e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        } catch (FailureDbException.EditDenied e) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        } catch (InvalidCommandException e) {
            String shown = m.group(3) == null ? (m.group(2).equals("/learnings") ? "learning" : "action") : "checkin";
            respondRefused(response, token, 400, key, new Refused(shown, actionId, values,
                    fieldErrors(e.problems(), shown.equals("checkin") ? CHECK_IN : BODY), List.of()));
        } catch (StaleEditException e) {
            respondRefused(response, token, 409, key, new Refused("checkin", actionId, values, Map.of(),
                    List.of(i18n.getText("failforward.failuredb.error.stale", e.expectedVersion()))));
        }
    }

    private void respondRefused(HttpServletResponse response, String token, int status, String key, Refused refused)
            throws IOException {
        Optional<RecordDetails> details = details(key);
        if (details.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        show(response, token, status, details.get(), null, refused);
    }

    private Optional<RecordDetails> details(String key) {
        try {
            return Optional.of(failureDb.details(key));
        } catch (FailureDbException.NotFound e) {
            return Optional.empty();
        }
    }

    private Map<String, String> fieldErrors(List<FieldProblem> problems, Map<String, String> names) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem problem : problems) {
            String field = names.getOrDefault(problem.field(), BODY.getOrDefault(problem.field(), problem.field()));
            String message = i18n.getText(problem.i18nKey(), problem.arguments().toArray(Serializable[]::new));
            errors.merge(field, message, (a, b) -> a + " " + b);
        }
        return errors;
    }

    private void show(HttpServletResponse response, String token, int status, RecordDetails details, String done,
                      Refused refused) throws IOException {
        FailureRecord record = details.record();
        Map<String, Object> model = new LinkedHashMap<>();
        recordModel.header(record, model);
        recordModel.fields(record, "/jira/records/", model);
        model.put("learnings", recordModel.learnings(details.learnings()));

        List<Map<String, Object>> actions = new ArrayList<>();
        for (ActionItem action : details.actionItems()) {
            Map<String, Object> a = recordModel.action(action);
            boolean refusedHere = refused.form().equals("checkin") && refused.actionId() == action.id();
            Map<String, String> typed = refusedHere ? refused.values() : Map.of(
                    "date", action.checkInDate() == null ? LocalDate.now(ZoneOffset.UTC).toString() : action.checkInDate().toString());
            a.put("checkIn", form(typed, refusedHere ? refused.fieldErrors() : Map.of(), "date", "result", "note"));
            a.put("checkInResults", options(CheckInResult.values(), CheckInResult::i18nKey, typed.get("result")));
            a.put("checkInOpen", refusedHere);
            a.put("versionHtml", Html.escape(Long.toString(action.version())));
            actions.add(a);
        }
        model.put("actions", actions);
        model.put("checkInForms", true);

        List<Map<String, Object>> whys = new ArrayList<>();
        for (WhyStep why : details.whys()) {
            whys.add(Map.of("position", why.position(), "questionHtml", Html.escape(why.question()),
                    "answerHtml", Html.escape(why.answer())));
        }
        model.put("whys", whys);

        Map<String, String> learningValues = refused.form().equals("learning") ? refused.values() : Map.of();
        model.put("learningForm", form(learningValues, refused.form().equals("learning") ? refused.fieldErrors() : Map.of(),
                "text", "kind"));
        model.put("learningKinds", options(LearningKind.values(), LearningKind::i18nKey, learningValues.get("kind")));
        Map<String, String> actionValues = refused.form().equals("action") ? refused.values()
                : Map.of("owner", dev.failforward.preview.jira.PreviewUsers.current());
        model.put("actionForm", form(actionValues, refused.form().equals("action") ? refused.fieldErrors() : Map.of(),
                "description", "owner", "dueDate", "type", "checkInDate"));
        model.put("actionTypes", options(ActionType.values(), ActionType::i18nKey, actionValues.get("type")));
        model.put("errors", refused.errors().stream().map(Html::escape).toList());
        model.put("doneHtml", done == null ? "" : Html.escape(i18n.getText("preview.record.done." + done)));
        model.put("tokenHtml", Html.escape(token));
        response.setStatus(status);
        render(response, "record.vm", model);
    }

    /** A form's fields: each with the typed value and its error, both escaped. */
    private static Map<String, Object> form(Map<String, String> values, Map<String, String> errors, String... fields) {
        Map<String, Object> form = new LinkedHashMap<>();
        for (String field : fields) {
            form.put(field + "Html", Html.escape(values.getOrDefault(field, "")));
            form.put(field + "ErrorHtml", Html.escape(errors.getOrDefault(field, "")));
        }
        form.put("hasErrors", !errors.isEmpty());
        return form;
    }

    private <E extends Enum<E>> List<Map<String, Object>> options(E[] values, Function<E, String> i18nKey, String selected) {
        List<Map<String, Object>> options = new ArrayList<>();
        for (E value : values) {
            String name = value.name().toLowerCase(Locale.ROOT);
            options.add(Map.of("value", name, "labelHtml", Html.escape(i18n.getText(i18nKey.apply(value))),
                    "selected", name.equalsIgnoreCase(selected == null ? "" : selected.strip())));
        }
        return options;
    }

    private static void read(HttpServletRequest request, Map<String, String> values, String... names) {
        for (String name : names) {
            String value = request.getParameter(name);
            if (value != null) {
                values.put(name, value.length() > 10_000 ? value.substring(0, 10_000) : value);
            }
        }
    }

    /** The version the check-in form was loaded with; anything else means "the stored one", as the REST API's absent version. */
    private static Long version(String text) {
        try {
            return text == null || text.isBlank() ? null : Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
