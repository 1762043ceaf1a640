package com.atlassian.sal.api.transaction;

/**
 * Stand-in for {@code com.atlassian.sal.api.transaction.TransactionCallback} from {@code com.atlassian.sal:sal-api}
 * 7.x (Platform 8: Jira 11.3, Confluence 10.2); checked against sal-api 5.1.4 (reference/atlassian-api.md §2.1).
 */
public interface TransactionCallback<T> {
    T doInTransaction();
}
