package dev.vigil.cli;

import picocli.CommandLine.IVersionProvider;

/** The versions --version prints; read from the jar manifest so they follow the build. */
final class VersionInfo implements IVersionProvider {
    static String vigilVersion() {
        String v = VersionInfo.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-dev";
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "vigil " + vigilVersion(),
            "Deep Java Library 0.36.0 (PyTorch engine, libtorch 2.7.1)",
            "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        };
    }
}
