package pro.gen.organizations.app.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one PostgreSQL database that holds events, tokens, snapshots, users and read models:
 * the server named by {@code orgs.database.url}, or an embedded one when none is named.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    LocalPostgres localPostgres(
            @Value("${orgs.database.url:}") String url,
            @Value("${orgs.database.embedded-data-dir:data/postgres}") String dataDirectory) {
        if (!url.isBlank()) {
            return LocalPostgres.none();
        }
        return LocalPostgres.start(Path.of(dataDirectory).toAbsolutePath());
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(
            LocalPostgres localPostgres,
            @Value("${orgs.database.url:}") String url,
            @Value("${orgs.database.user:postgres}") String user,
            @Value("${orgs.database.password:}") String password,
            @Value("${orgs.database.pool-size:10}") int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("orgs");
        config.setJdbcUrl(localPostgres.jdbcUrl().orElse(url));
        config.setUsername(localPostgres.jdbcUrl().isPresent() ? "postgres" : user);
        config.setPassword(localPostgres.jdbcUrl().isPresent() ? "" : password);
        config.setMaximumPoolSize(poolSize);
        return new HikariDataSource(config);
    }
}
