"""The site glossary: its terms, and finding them in text."""
