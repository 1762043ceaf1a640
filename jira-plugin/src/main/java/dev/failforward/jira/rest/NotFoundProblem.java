package dev.failforward.jira.rest;

import java.io.Serializable;
import java.util.List;

/** Something the request names does not exist (or the caller may not know it exists): 404 with a message. */
public class NotFoundProblem extends RuntimeException {

    private final String i18nKey;
    private final List<Serializable> arguments;

    public NotFoundProblem(String i18nKey, Serializable... arguments) {
        super(i18nKey);
        this.i18nKey = i18nKey;
        this.arguments = List.of(arguments);
    }

    public String i18nKey() {
        return i18nKey;
    }

    public List<Serializable> arguments() {
        return arguments;
    }
}
