package com.atlassian.webresource.api.assembler;

/**
 * Stand-in for {@code com.atlassian.webresource.api.assembler.RequiredResources} from
 * {@code com.atlassian.plugins:atlassian-plugins-webresource-api} (Platform 8); checked as {@link PageBuilderService}.
 */
public interface RequiredResources {
    /** Requires a web resource by its complete key ({@code plugin.key:module-key}), with its dependencies. */
    RequiredResources requireWebResource(String moduleCompleteKey);
}
