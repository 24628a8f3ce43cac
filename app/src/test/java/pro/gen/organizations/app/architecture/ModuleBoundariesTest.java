package pro.gen.organizations.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module layout holds in the compiled code: the message contract is plain Java, and the
 * write side and read side know each other only through it.
 */
@AnalyzeClasses(packages = "pro.gen.organizations",
        importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    @ArchTest
    static final ArchRule theContractUsesNoSpring = noClasses()
            .that().resideInAPackage("pro.gen.organizations.api..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework..");

    @ArchTest
    static final ArchRule theContractKnowsNoSide = noClasses()
            .that().resideInAPackage("pro.gen.organizations.api..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "pro.gen.organizations.command..", "pro.gen.organizations.query..",
                    "pro.gen.organizations.app..");

    @ArchTest
    static final ArchRule theWriteSideNeverReadsTheReadSide = noClasses()
            .that().resideInAPackage("pro.gen.organizations.command..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "pro.gen.organizations.query..", "pro.gen.organizations.app..");

    @ArchTest
    static final ArchRule theReadSideNeverCallsTheWriteSide = noClasses()
            .that().resideInAPackage("pro.gen.organizations.query..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "pro.gen.organizations.command..", "pro.gen.organizations.app..");
}
