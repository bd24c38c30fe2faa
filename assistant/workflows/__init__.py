"""What helpdesk staff and advisors do with the assistant: draft replies, advisory sessions with
the yearly allowance, feedback that grows the eval set."""
