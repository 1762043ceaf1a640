package dev.failforward.host.db;

import java.sql.SQLException;
import java.sql.SQLTransientException;

/** What the preview's own SQL (plugin settings, cluster locks) may try again. */
public final class SqlErrors {

    private SqlErrors() {
    }

    /**
     * A conflict with another transaction (SQLState class {@code 40}: HSQLDB's and PostgreSQL's serialization failure
     * {@code 40001}, PostgreSQL's deadlock {@code 40P01}), a lock not available ({@code 55P03}), or a
     * {@link SQLTransientException}, anywhere in the chain: worth trying again.
     */
    public static boolean isTransient(SQLException error) {
        for (SQLException e = error; e != null; e = e.getNextException()) {
            String state = e.getSQLState();
            if (e instanceof SQLTransientException || state != null && (state.startsWith("40")
                    || state.equals("55P03"))) {
                return true;
            }
        }
        return false;
    }
}
