package pro.gen.organizations.app.support;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Holds the shared test database for as long as a Spring context lives. The data source
 * depends on the lease, so the lease is returned only after the pool has closed.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseLease {

    @Bean
    Lease sharedDatabaseLease() {
        return new Lease();
    }

    @Bean
    static BeanFactoryPostProcessor dataSourceHoldsTheLease() {
        return beanFactory -> beanFactory.getBeanDefinition("dataSource")
                .setDependsOn("sharedDatabaseLease");
    }

    /** One context's hold on the shared server. */
    static final class Lease implements DisposableBean {

        Lease() {
            TestDatabase.acquire();
        }

        @Override
        public void destroy() {
            TestDatabase.release();
        }
    }
}
