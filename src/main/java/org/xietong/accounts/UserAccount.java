package org.xietong.accounts;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A person who signs in, with one role in one organisation. */
@Table("users")
class UserAccount {

	@Id
	private final UUID id;

	private final String username;

	private String passwordHash;

	private String displayName;

	private final Role role;

	private final UUID organizationId;

	private String email;

	private String phone;

	private String title;

	private boolean enabled;

	private boolean passwordChangeRequired;

	private Instant passwordExpiresAt;

	private final Instant createdAt;

	@Version
	private Long version;

	@PersistenceCreator
	UserAccount(UUID id, String username, String passwordHash, String displayName, Role role, UUID organizationId,
			String email, String phone, String title, boolean enabled, boolean passwordChangeRequired,
			Instant passwordExpiresAt, Instant createdAt, Long version) {
		this.id = id;
		this.username = username;
		this.passwordHash = passwordHash;
		this.displayName = displayName;
		this.role = role;
		this.organizationId = organizationId;
		this.email = email;
		this.phone = phone;
		this.title = title;
		this.enabled = enabled;
		this.passwordChangeRequired = passwordChangeRequired;
		this.passwordExpiresAt = passwordExpiresAt;
		this.createdAt = createdAt;
		this.version = version;
	}

	static UserAccount create(NewUser user, boolean passwordChangeRequired, String passwordHash,
			Instant passwordExpiresAt, Instant now) {
		return new UserAccount(UUID.randomUUID(), user.username(), passwordHash, user.displayName(), user.role(),
				user.organizationId(), user.email(), user.phone(), user.title(), true, passwordChangeRequired,
				passwordExpiresAt, now, null);
	}

	/** The holder's own password: it lasts. */
	void choosePassword(String newHash) {
		this.passwordHash = newHash;
		this.passwordChangeRequired = false;
		this.passwordExpiresAt = null;
	}

	/**
	 * A password someone else set (or, with a setup link, none that anyone knows): it
	 * must be changed at the next sign-in and serves until {@code expiresAt}.
	 */
	void setInitialPassword(String newHash, Instant expiresAt) {
		this.passwordHash = newHash;
		this.passwordChangeRequired = true;
		this.passwordExpiresAt = expiresAt;
	}

	/** Whether this is an initial password whose time has passed. */
	boolean initialPasswordExpired(Instant now) {
		return this.passwordChangeRequired && this.passwordExpiresAt != null && !now.isBefore(this.passwordExpiresAt);
	}

	void deactivate() {
		this.enabled = false;
	}

	void activate() {
		this.enabled = true;
	}

	UserView view() {
		return new UserView(this.id, this.username, this.displayName, this.role, this.organizationId, this.email,
				this.phone, this.title, this.enabled, this.passwordChangeRequired, this.createdAt,
				this.version == null ? 0 : this.version);
	}

	UUID id() {
		return this.id;
	}

	String username() {
		return this.username;
	}

	String passwordHash() {
		return this.passwordHash;
	}

	String displayName() {
		return this.displayName;
	}

	Role role() {
		return this.role;
	}

	UUID organizationId() {
		return this.organizationId;
	}

	boolean enabled() {
		return this.enabled;
	}

	boolean passwordChangeRequired() {
		return this.passwordChangeRequired;
	}

	String email() {
		return this.email;
	}

}
