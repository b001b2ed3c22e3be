-- The web service keeps its registry in its own database beside Saleor's.
CREATE DATABASE ocop_web OWNER ocop;
