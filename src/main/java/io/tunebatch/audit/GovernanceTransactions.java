package io.tunebatch.audit;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transactions for the governance services on the application database. Spring Cloud Task adds a
 * second transaction manager, so the data source's one is picked by name.
 */
@Configuration(proxyBeanMethods = false)
public class GovernanceTransactions {

    public static final String BEAN = "governanceTransactionOperations";

    @Bean(BEAN)
    TransactionOperations governanceTransactions(@Qualifier("transactionManager") PlatformTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }
}
