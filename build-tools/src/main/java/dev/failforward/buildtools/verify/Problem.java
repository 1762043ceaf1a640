package dev.failforward.buildtools.verify;

/**
 * One thing a host would reject in a plugin jar.
 *
 * @param check   which check found it: {@value PluginJarVerifier#MANIFEST}, {@value PluginJarVerifier#DESCRIPTOR},
 *                {@value PluginJarVerifier#I18N}, {@value PluginJarVerifier#SCANNER_INDEX},
 *                {@value PluginJarVerifier#BUNDLED_CLASSES}, {@value PluginJarVerifier#IMPORT_PACKAGE}
 *                (or {@value PluginJarVerifier#JAR} when the file cannot be read at all)
 * @param message what is wrong and where
 */
public record Problem(String check, String message) {

    @Override
    public String toString() {
        return "[" + check + "] " + message;
    }
}
