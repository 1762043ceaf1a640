package dev.failforward.jira.persistence;

import com.atlassian.activeobjects.external.ActiveObjects;
import net.java.ao.Entity;
import net.java.ao.Query;

import java.util.function.Consumer;

/**
 * A read-check-write of one Active Objects row that no other transaction can interleave with, on every database.
 *
 * <p>AO has neither {@code SELECT … FOR UPDATE} nor a conditional {@code UPDATE … WHERE VERSION = ?}. Without either,
 * two transactions that both read a row before either writes it both pass their check (a version, a timestamp) and
 * the later commit silently undoes the earlier one: a lost update, which on PostgreSQL's READ COMMITTED happens
 * easily (two nodes projecting the same issue ended on the older snapshot).
 *
 * <p>So the transaction first writes the row without changing it: {@code rewriteUnchanged} sets a column the writers
 * never change (the row's key, such as the issue id) to the value it has, and AO writes every column set, equal or
 * not. That {@code UPDATE} takes the row's write lock, held until this transaction ends; a second writer's
 * {@code UPDATE} waits there. The row is then read again, by a new statement, which sees what any writer before it
 * committed (READ COMMITTED: PostgreSQL, Oracle, SQL Server, HSQLDB; MySQL's REPEATABLE READ too, whose reads after the
 * transaction's own write of a row see that row's latest version). The check runs on that read.
 */
final class RowLocks {

    private RowLocks() {
    }

    /**
     * Locks {@code row} for the rest of the current transaction and returns it as it is now, or null when another
     * transaction deleted it meanwhile. Call inside a transaction.
     */
    static <E extends Entity> E lock(ActiveObjects ao, Class<E> type, E row, Consumer<E> rewriteUnchanged) {
        rewriteUnchanged.accept(row);
        row.save();
        // ID = ?: the primary key, a number on every database
        E[] now = ao.find(type, Query.select().where("ID = ?", row.getID()));
        return now.length == 0 ? null : now[0];
    }
}
