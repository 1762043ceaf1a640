package org.ofbiz.core.entity;

/**
 * Stand-in for {@code org.ofbiz.core.entity.GenericEntityException} from Jira 11.3's entity engine (Atlassian's OfBiz
 * fork, which {@code com.atlassian.jira:jira-api} 11.3 depends on), declared by the
 * public {@code CustomFieldManager.createCustomField}. The real class extends {@code GeneralException} (a checked
 * exception); reference atlassian-api.md §2.7 [U-minor].
 */
public class GenericEntityException extends Exception {
    public GenericEntityException(String message) {
        super(message);
    }

    public GenericEntityException(String message, Throwable cause) {
        super(message, cause);
    }
}
