package org.latentlab.experiments.cli;

import picocli.CommandLine.IVersionProvider;

/** The launcher version from its jar manifest. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = VersionProvider.class.getPackage().getImplementationVersion();
    return new String[] {"latentlab " + (v == null ? "development" : v)};
  }
}
