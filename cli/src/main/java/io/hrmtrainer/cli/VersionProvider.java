package io.hrmtrainer.cli;

import ai.djl.engine.Engine;
import picocli.CommandLine.IVersionProvider;

/** Prints the tool's version with the Java and DJL versions it runs on. */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String own = HrmHf.class.getPackage().getImplementationVersion();
    return new String[] {
      "hrm-hf " + (own == null ? "development build" : own),
      "Java " + System.getProperty("java.version") + ", DJL " + Engine.getDjlVersion()
    };
  }
}
