package com.atlassian.jira.project.template.hook;

/**
 * Stand-in for {@code com.atlassian.jira.project.template.hook.ValidateResponse} from {@code com.atlassian.jira:jira-api}
 * 11.3. {@code public static ValidateResponse create()} and {@code addErrorMessage(String)} are what public hooks call
 * ({@code ValidateResponse validateResponse = ValidateResponse.create(); validateResponse.addErrorMessage("…");}, e.g.
 * {@code manhtuan1605/Jira} on Jira 7.7 and Atlassian's tutorial hook). <b>Unverified:</b> the return type of
 * {@code addErrorMessage} (every call site found ignores it); declared fluent, like the template API's other builder
 * ({@code ConfigureResponse.create().setRedirect("…")} chains in public hooks). Only the members Fail Forward calls.
 */
public class ValidateResponse {

    private ValidateResponse() {
    }

    public static ValidateResponse create() {
        return new ValidateResponse();
    }

    /** A message for the whole form (not tied to a field), shown in the create-project dialog; the project is not created. */
    public ValidateResponse addErrorMessage(String errorMessage) {
        return this;
    }
}
