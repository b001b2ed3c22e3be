"""payOS (https://payos.vn): VietQR bank transfers at checkout and payouts to bank accounts, through its SDK."""
