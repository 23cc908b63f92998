-- Run once by the postgres image, as POSTGRES_USER, when its data volume is empty
-- (/docker-entrypoint-initdb.d). Each service owns one database.
CREATE DATABASE tertial_goals;
CREATE DATABASE tertial_budget;
CREATE DATABASE tertial_forecast;
CREATE DATABASE tertial_report;
