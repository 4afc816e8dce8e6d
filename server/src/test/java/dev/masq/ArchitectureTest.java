package dev.masq;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package rules of the README's architecture section, read from the compiled classes: a message flows
 * one way (smtp → pipeline → outbox → delivery), services know nothing of the HTTP and SMTP libraries,
 * only repositories (and the database gateway) speak SQL, and nothing but the composition root knows it.
 */
class ArchitectureTest {
    private static final JavaClasses MASQ = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.masq");

    @Test
    void noPackageCycles() {
        slices().matching("dev.masq.(**)")
                .should().beFreeOfCycles()
                // jOOQ's generated schema refers between its own packages by design.
                .ignoreDependency(alwaysTrue(), resideInAPackage("dev.masq.db.schema.."))
                .check(MASQ);
    }

    @Test
    void onlyTheCompositionRootKnowsTheCompositionRoot() {
        noClasses().that().resideOutsideOfPackage("dev.masq")
                .should().dependOnClassesThat().resideInAPackage("dev.masq")
                .check(MASQ);
    }

    @Test
    void servicesSeeNeitherJavalinNorJames() {
        noClasses().that().resideOutsideOfPackages("dev.masq", "dev.masq.http..", "dev.masq.web..", "dev.masq.api..")
                .should().dependOnClassesThat().resideInAPackage("io.javalin..")
                .check(MASQ);
        noClasses().that().resideOutsideOfPackages("dev.masq", "dev.masq.mail.smtp..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.james.protocols..")
                .check(MASQ);
    }

    @Test
    void onlyRepositoriesAndTheDatabaseGatewayWriteSql() {
        noClasses().that().haveSimpleNameNotEndingWith("Repository")
                .and().resideOutsideOfPackage("dev.masq.db..")
                .should().dependOnClassesThat().resideInAPackage("dev.masq.db.schema..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.jooq.impl.DSL")
                .check(MASQ);
    }

    @Test
    void smtpKnowsNoWebAndDeliveryKnowsNoIntake() {
        noClasses().that().resideInAPackage("dev.masq.mail.smtp..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.masq.web..", "dev.masq.api..", "dev.masq.http..")
                .check(MASQ);
        noClasses().that().resideInAPackage("dev.masq.mail.delivery..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.masq.mail.smtp..", "dev.masq.mail.forward..",
                        "dev.masq.mail.reply..", "dev.masq.mail.submission..")
                .check(MASQ);
    }
}
