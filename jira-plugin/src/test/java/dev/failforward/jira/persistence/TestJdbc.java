package dev.failforward.jira.persistence;

import dev.failforward.host.db.TestDatabases;
import net.java.ao.test.jdbc.AbstractJdbcConfiguration;

/**
 * The database of {@code ActiveObjectsJUnitRunner} tests ({@code @Jdbc(TestJdbc.class)}): AO's in-memory HSQLDB
 * ({@code jdbc:hsqldb:mem:ao_test}, as {@code net.java.ao.test.jdbc.Hsql}), or, when the JVM runs with
 * {@code -Dfailforward.test.db=postgres}, the database {@code ao_test} on the JVM's embedded PostgreSQL
 * ({@link TestDatabases}), schema {@code public}. The runner keeps one entity manager per configuration and rebuilds
 * the tables whenever a test class needs other ones ({@code @Data}); each test runs in a transaction it rolls back.
 */
public final class TestJdbc extends AbstractJdbcConfiguration {

    public TestJdbc() {
        super(TestDatabases.onPostgres() ? TestDatabases.sharedDatabaseUrl() : "jdbc:hsqldb:mem:ao_test",
                TestDatabases.onPostgres() ? TestDatabases.postgres().user() : "sa",
                TestDatabases.onPostgres() ? TestDatabases.postgres().password() : "",
                TestDatabases.onPostgres() ? "public" : "PUBLIC");
    }

    @Override
    protected String getDefaultSchema() {
        return TestDatabases.onPostgres() ? "public" : "PUBLIC";
    }

    @Override
    protected String getDefaultUrl() {
        return "jdbc:hsqldb:mem:ao_test";
    }
}
