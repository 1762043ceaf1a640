package dev.failforward.host.db;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/** Small JDBC helpers shared by the database-backed host services (HSQLDB and PostgreSQL). */
public final class JdbcTables {

    private JdbcTables() {
    }

    /** Creates the table unless it exists; another node creating it at the same moment is fine. */
    public static void createTable(DataSource dataSource, String table, String columns) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            if (exists(c.getMetaData(), table)) {
                return;
            }
            try (Statement create = c.createStatement()) {
                create.execute("CREATE TABLE " + table + " (" + columns + ")");
            } catch (SQLException e) {
                if (!exists(c.getMetaData(), table)) {
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the table " + table + ": " + e.getMessage(), e);
        }
    }

    private static boolean exists(DatabaseMetaData metaData, String table) throws SQLException {
        for (String name : new String[] {table, table.toLowerCase(Locale.ROOT)}) {
            try (ResultSet rs = metaData.getTables(null, null, name, new String[] {"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A unique or primary key met an existing row. */
    public static boolean isDuplicate(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }
}
