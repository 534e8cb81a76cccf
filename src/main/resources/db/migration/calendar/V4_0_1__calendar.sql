-- The working-day calendar: the years the department maintains, and each year's exceptions to
-- "Monday to Friday": public holidays (HOLIDAY) and weekend days that are working days (WORKDAY, 调休).
CREATE TABLE calendar_years (
	calendar_year INT NOT NULL PRIMARY KEY,
	source VARCHAR(300) NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
	version BIGINT NOT NULL
);

CREATE TABLE calendar_days (
	calendar_day DATE NOT NULL PRIMARY KEY,
	calendar_year INT NOT NULL REFERENCES calendar_years (calendar_year),
	kind VARCHAR(10) NOT NULL
);
CREATE INDEX calendar_days_year_idx ON calendar_days (calendar_year);
