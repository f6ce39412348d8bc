package dev.mdb.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code mdb --version}: the version from the jar manifest, or "development" when run from classes. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = MdbCommand.class.getPackage().getImplementationVersion();
        return new String[] {"mdb " + (version == null ? "development" : version)};
    }
}
