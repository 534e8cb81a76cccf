package org.xietong.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an instance makes on its first start of an empty database (the first
 * administrator, the calendars, the demo province) is made by one instance at a time:
 * each such step runs while holding a PostgreSQL advisory lock on a connection of its
 * own, so that an instance starting at the same moment waits, then finds what the first
 * made and makes nothing.
 */
@Component
public class FirstStart {

	/** The advisory lock's key: "xietong-first" in no particular encoding. */
	static final long LOCK = 0x7874666972737431L;

	private final DataSource dataSource;

	private final TransactionTemplate transaction;

	FirstStart(DataSource dataSource, PlatformTransactionManager transactions) {
		this.dataSource = dataSource;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Runs {@code step} (a check, then what is missing) under the lock; its own
	 * transactions commit before the lock is let go.
	 */
	public void once(Runnable step) {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			connection.setAutoCommit(true);
			statement.execute("SELECT pg_advisory_lock(" + LOCK + ")");
			try {
				step.run();
			}
			finally {
				statement.execute("SELECT pg_advisory_unlock(" + LOCK + ")");
			}
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("cannot take the first-start lock", ex);
		}
	}

	/**
	 * As {@link #once(Runnable)}, with {@code step} in one transaction: all or nothing.
	 */
	public void onceAtomically(Runnable step) {
		once(() -> this.transaction.executeWithoutResult(status -> step.run()));
	}

}
