"""What every room of the web service shares: sealed secrets, the security middleware and headers, request
limits, the client's address behind the proxy, money and date formatting, and the deployment checks."""
