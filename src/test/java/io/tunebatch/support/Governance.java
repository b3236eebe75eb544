package io.tunebatch.support;

import io.tunebatch.audit.AuditTrail;
import io.tunebatch.audit.CurrentTask;
import io.tunebatch.canary.CanaryRepository;
import io.tunebatch.evaluate.EvalRunRepository;
import io.tunebatch.evaluate.EvaluateProperties;
import io.tunebatch.evaluate.EvaluationService;
import io.tunebatch.pii.PiiDetector;
import io.tunebatch.registry.ModelRegistry;
import io.tunebatch.registry.RegistryMirror;
import io.tunebatch.registry.RegistryProperties;
import io.tunebatch.registry.RegistryRepository;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The governance services wired by hand on one database, the way Spring wires them, for tests
 * that run on H2 and PostgreSQL without an application context.
 */
public final class Governance {

    public final JdbcClient jdbc;
    public final EvalRunRepository evalRuns;
    public final EvaluationService evaluation;
    public final ModelRegistry registry;

    public Governance(DataSource dataSource, Path dir, PiiDetector pii, RegistryMirror mirror) {
        jdbc = JdbcClient.create(dataSource);
        DataSourceTransactionManager transactionManager = new DataSourceTransactionManager(dataSource);
        TransactionOperations transactions = new TransactionTemplate(transactionManager);
        CurrentTask task = new CurrentTask();
        evalRuns = new EvalRunRepository(jdbc);
        EvaluateProperties evaluateProperties = new EvaluateProperties(0.95, dir.resolve("eval-reports"));
        Map<String, Object> beans = new HashMap<>(Map.of("pii", pii));
        if (mirror != null) {
            beans.put("mirror", mirror);
        }
        StaticListableBeanFactory beanFactory = new StaticListableBeanFactory(beans);
        evaluation = new EvaluationService(beanFactory.getBeanProvider(PiiDetector.class), evalRuns, evaluateProperties,
                transactionManager, task, new CanaryRepository(new NamedParameterJdbcTemplate(dataSource)));
        registry = new ModelRegistry(new RegistryRepository(jdbc), evalRuns, evaluateProperties,
                new RegistryProperties(dir.resolve("model-cards")), new AuditTrail(jdbc, task), task, transactions,
                beanFactory.getBeanProvider(RegistryMirror.class));
    }
}
