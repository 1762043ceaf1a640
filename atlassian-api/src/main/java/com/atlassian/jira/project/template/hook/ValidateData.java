package com.atlassian.jira.project.template.hook;

/**
 * Stand-in for {@code com.atlassian.jira.project.template.hook.ValidateData} from {@code com.atlassian.jira:jira-api}
 * 11.3, the argument of {@link AddProjectHook#validate}. Named in Jira Software 9.12.10's javadoc of
 * {@code GreenHopperProjectCreateHook.validate(ValidateData)}; public hooks read {@code projectKey()} from it. Fail
 * Forward calls none of its members, so it has none here (that it is a class, not an interface, is unverified and does
 * not change our bytecode: we only pass it through).
 */
public class ValidateData {

    private ValidateData() {
    }
}
