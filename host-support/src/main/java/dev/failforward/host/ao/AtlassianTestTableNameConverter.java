package dev.failforward.host.ao;

import net.java.ao.RawEntity;
import net.java.ao.atlassian.AtlassianTableNameConverter;
import net.java.ao.schema.TableNameConverter;

/**
 * Table names as Active Objects makes them in the products, with the fixed prefix {@code AO_000000_} that AO's own
 * test support uses. For {@code @NameConverters(table = …)} of {@code ActiveObjectsJUnitRunner} tests, which need a
 * converter with a no-argument constructor.
 */
public final class AtlassianTestTableNameConverter implements TableNameConverter {

    public static final String PREFIX = "AO_000000_";

    private final TableNameConverter delegate = new AtlassianTableNameConverter(name -> PREFIX + name);

    @Override
    public String getName(Class<? extends RawEntity<?>> entityClass) {
        return delegate.getName(entityClass);
    }
}
