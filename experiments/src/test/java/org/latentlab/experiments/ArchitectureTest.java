package org.latentlab.experiments;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of the design, checked over the built classes of every module (this module's
 * test class path holds them all).
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.latentlab");
  }

  @Test
  void apiDependsOnTheJdkOnly() {
    classes().that().resideInAPackage("org.latentlab.api..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.latentlab.api..")
        .because("plugin authors compile against the API; it must not drag in any framework")
        .check(classes);
  }

  @Test
  void pluginsDependOnTheApiOnly() {
    classes().that().resideInAPackage("org.latentlab.plugins..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax..", "org.latentlab.api..",
            "org.latentlab.plugins..", "org.ejml..")
        .because("plugins collaborate through SPIs in the API, looked up by id at run time (the JDK is theirs"
            + " too, and EJML for the evaluators' linear algebra, inside the plugin)")
        .check(classes);
  }

  @Test
  void pluginsDoNotDependOnEachOther() {
    slices().matching("org.latentlab.plugins.(*)..").should().notDependOnEachOther()
        .because("a plugin family must be usable without the others")
        .check(classes);
  }

  @Test
  void backendsSeeOnlyTheApiAndTheirEngine() {
    noClasses().that().resideInAPackage("org.latentlab.backend..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.latentlab.plugins..", "org.latentlab.experiments..", "org.latentlab.reports..",
            "com.google.inject..", "com.fasterxml.jackson..", "org.jfree..")
        .because("a backend implements the API on its engine and nothing else")
        .check(classes);
  }

  @Test
  void onlyTheLauncherUsesGuice() {
    noClasses().that().resideOutsideOfPackage("org.latentlab.experiments..")
        .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "jakarta.inject..")
        .because("only the experiments module wires the application")
        .check(classes);
  }

  @Test
  void reportsSeeTheApiJacksonAndJFreeChartOnly() {
    classes().that().resideInAPackage("org.latentlab.reports..")
        .should().onlyDependOnClassesThat().resideInAnyPackage(
            "java..", "javax.imageio..", "org.latentlab.api..", "org.latentlab.reports..",
            "com.fasterxml.jackson..", "org.jfree..")
        .check(classes);
  }

  @Test
  void benchReferenceLoopsSeeOnlyTheirEngines() {
    classes().that().resideInAPackage("org.latentlab.bench..")
        .should().onlyDependOnClassesThat().resideInAnyPackage(
            "java..", "ai.djl..", "org.tensorflow..", "org.latentlab.bench..")
        .because("the reference loops are what a user would write without the framework; they are its baseline")
        .check(classes);
  }

  @Test
  void nothingLinksAgainstTheBenchReferenceLoops() {
    noClasses().that().resideOutsideOfPackage("org.latentlab.bench..")
        .should().dependOnClassesThat().resideInAPackage("org.latentlab.bench..")
        .because("'latentlab bench' starts the reference loops by name in a child JVM")
        .check(classes);
  }

  @Test
  void modulesHaveNoCycles() {
    slices().matching("org.latentlab.(*)..").should().beFreeOfCycles().check(classes);
  }
}
