package org.servicedesk;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The engine's internals ({@code org.camunda.bpm.engine.impl}, no API Camunda keeps stable between
 * versions) are used in one place only, the adapter {@code org.servicedesk.engine}, and the adapter
 * knows none of the desk's own packages: what a Camunda upgrade may break is listed there and in
 * docs/operators.md, "Engine internals we depend on". Main classes only; tests may look inside the
 * engine.
 */
@AnalyzeClasses(packages = "org.servicedesk", importOptions = ImportOption.DoNotIncludeTests.class)
class EngineAdapterArchitectureTest {

    static final String ADAPTER = "org.servicedesk.engine..";

    @ArchTest
    static final ArchRule onlyTheAdapterUsesEngineInternals = noClasses().that().resideOutsideOfPackage(ADAPTER)
            .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.impl..")
            .because("engine internals change without notice between Camunda versions; they stay in the adapter");

    @ArchTest
    static final ArchRule theAdapterKnowsNoneOfOurPackages = noClasses().that().resideInAPackage(ADAPTER)
            .should().dependOnClassesThat(resideInAPackage("org.servicedesk..").and(resideOutsideOfPackage(ADAPTER)))
            .because("the adapter is a module of its own: the desk's modules depend on it, never the reverse");
}
