"""newsbot's chat side: the CLI, the Telegram bot, the console chat and the digest scheduler."""
