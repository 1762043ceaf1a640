package dev.failforward.host.ao;

import dev.failforward.buildtools.descriptor.PluginDescriptor;
import net.java.ao.RawEntity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A plugin's {@code <ao>} modules as the product's Active Objects runs them when the plugin is enabled, read from the
 * same {@code atlassian-plugin.xml} so tests and the preview can never list a different set by hand: the entities
 * ({@link #entities}) and the upgrade tasks ({@link #enable}: the tasks newer than the stored model version, oldest
 * first, then the migration of every entity, then the new model version stored).
 */
public final class AoModule {

    /** The host's own table of model versions (the product keeps them in its plugin settings). */
    static final String VERSION_TABLE = "PREVIEW_AO_MODEL";

    private AoModule() {
    }

    /**
     * Runs what the product runs on enable: upgrade tasks newer than the database's model version for
     * {@code namespace}, each with the version it upgrades from, then {@code migrate} of every entity, then records the
     * highest task's version. Returns the upgrade tasks' versions that ran. The caller serialises concurrent enables
     * (two preview nodes: a cluster lock).
     */
    public static List<String> enable(AoDatabase database, ClassLoader loader, String resource, String namespace) {
        List<com.atlassian.activeobjects.external.ActiveObjectsUpgradeTask> tasks = upgradeTasks(loader, resource);
        tasks.sort(java.util.Comparator.comparing(com.atlassian.activeobjects.external.ActiveObjectsUpgradeTask::getModelVersion));
        com.atlassian.activeobjects.external.ModelVersion stored = storedVersion(database, namespace);
        List<String> ran = new ArrayList<>();
        com.atlassian.activeobjects.external.ModelVersion current = stored;
        for (com.atlassian.activeobjects.external.ActiveObjectsUpgradeTask task : tasks) {
            if (task.getModelVersion().isNewerThan(current)) {
                task.upgrade(current, database.activeObjects());
                current = task.getModelVersion();
                ran.add(current.toString());
                storeVersion(database, namespace, current);
            }
        }
        database.activeObjects().migrate(entities(loader, resource));
        return ran;
    }

    private static com.atlassian.activeobjects.external.ModelVersion storedVersion(AoDatabase database, String namespace) {
        try (java.sql.Connection c = database.dataSource().getConnection()) {
            ensureVersionTable(c);
            try (java.sql.PreparedStatement select = c.prepareStatement(
                    "SELECT MODEL_VERSION FROM " + VERSION_TABLE + " WHERE NAMESPACE = ?")) {
                select.setString(1, namespace);
                try (java.sql.ResultSet rs = select.executeQuery()) {
                    return com.atlassian.activeobjects.external.ModelVersion.valueOf(rs.next() ? rs.getString(1) : "0");
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read the model version of " + namespace + ": " + e.getMessage(), e);
        }
    }

    private static void storeVersion(AoDatabase database, String namespace,
                                     com.atlassian.activeobjects.external.ModelVersion version) {
        try (java.sql.Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(true);
            try (java.sql.PreparedStatement update = c.prepareStatement(
                    "UPDATE " + VERSION_TABLE + " SET MODEL_VERSION = ? WHERE NAMESPACE = ?")) {
                update.setString(1, version.toString());
                update.setString(2, namespace);
                if (update.executeUpdate() == 1) {
                    return;
                }
            }
            try (java.sql.PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO " + VERSION_TABLE + " (NAMESPACE, MODEL_VERSION) VALUES (?, ?)")) {
                insert.setString(1, namespace);
                insert.setString(2, version.toString());
                insert.executeUpdate();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot store the model version of " + namespace + ": " + e.getMessage(), e);
        }
    }

    private static void ensureVersionTable(java.sql.Connection c) throws java.sql.SQLException {
        try (java.sql.ResultSet tables = c.getMetaData().getTables(null, null, VERSION_TABLE, null);
             java.sql.ResultSet lower = c.getMetaData().getTables(null, null, VERSION_TABLE.toLowerCase(Locale.ROOT), null)) {
            if (tables.next() || lower.next()) {
                return;
            }
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(true);
        try (java.sql.Statement create = c.createStatement()) {
            create.execute("CREATE TABLE " + VERSION_TABLE
                    + " (NAMESPACE VARCHAR(255) NOT NULL PRIMARY KEY, MODEL_VERSION VARCHAR(40) NOT NULL)");
        } catch (java.sql.SQLException e) {
            // another node created it at the same moment
            if (!String.valueOf(e.getSQLState()).startsWith("42")) {
                throw e;
            }
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** The upgrade tasks of every {@code <ao>} module, instantiated as the product does (public no-argument constructor). */
    public static List<com.atlassian.activeobjects.external.ActiveObjectsUpgradeTask> upgradeTasks(ClassLoader loader,
                                                                                                   String resource) {
        List<com.atlassian.activeobjects.external.ActiveObjectsUpgradeTask> tasks = new ArrayList<>();
        for (String name : names(loader, resource, "upgradeTask")) {
            try {
                tasks.add((com.atlassian.activeobjects.external.ActiveObjectsUpgradeTask)
                        Class.forName(name, true, loader).getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new IllegalArgumentException("upgrade task " + name + " in " + resource + " cannot be created: " + e, e);
            }
        }
        return tasks;
    }

    /**
     * The entities of every {@code <ao>} module of every descriptor named {@code resource} in {@code loader} (one per
     * plugin jar on the class path).
     */
    @SuppressWarnings("unchecked")
    public static Class<? extends RawEntity<?>>[] entities(ClassLoader loader, String resource) {
        List<Class<? extends RawEntity<?>>> entities = new ArrayList<>();
        for (String name : names(loader, resource, "entity")) {
            try {
                Class<?> type = Class.forName(name, false, loader);
                if (!RawEntity.class.isAssignableFrom(type)) {
                    throw new IllegalArgumentException(name + " in " + resource + " is not an AO entity");
                }
                entities.add((Class<? extends RawEntity<?>>) type);
            } catch (ClassNotFoundException e) {
                throw new IllegalArgumentException("entity " + name + " in " + resource + " is not on the class path", e);
            }
        }
        return entities.toArray(new Class[0]);
    }

    /**
     * The entity ({@code "entity"}) or upgrade-task ({@code "upgradeTask"}) class names of the {@code <ao>} modules of
     * every descriptor {@code resource}, as the one descriptor reader (build-tools' {@code PluginDescriptor}) types them.
     */
    private static List<String> names(ClassLoader loader, String resource, String element) {
        Objects.requireNonNull(loader, "loader");
        List<PluginDescriptor.Located> descriptors = PluginDescriptor.readAll(loader, resource);
        if (descriptors.isEmpty()) {
            throw new IllegalArgumentException("no descriptor " + resource + " on the class path");
        }
        List<String> names = new ArrayList<>();
        for (PluginDescriptor.Located located : descriptors) {
            for (PluginDescriptor.Ao ao : located.descriptor().modules(PluginDescriptor.Ao.class)) {
                names.addAll(element.equals("entity") ? ao.entities() : ao.upgradeTasks());
            }
        }
        return names;
    }
}
