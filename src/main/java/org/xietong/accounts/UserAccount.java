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

	private final Instant createdAt;

	@Version
	private Long version;

	@PersistenceCreator
	UserAccount(UUID id, String username, String passwordHash, String displayName, Role role, UUID organizationId,
			String email, String phone, String title, boolean enabled, boolean passwordChangeRequired,
			Instant createdAt, Long version) {
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
		this.createdAt = createdAt;
		this.version = version;
	}

	static UserAccount create(NewUser user, String passwordHash, Instant now) {
		return new UserAccount(UUID.randomUUID(), user.username(), passwordHash, user.displayName(), user.role(),
				user.organizationId(), user.email(), user.phone(), user.title(), true, user.passwordChangeRequired(),
				now, null);
	}

	void changePassword(String newHash, boolean mustChangeAgain) {
		this.passwordHash = newHash;
		this.passwordChangeRequired = mustChangeAgain;
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

}
