"""What `briefs check` needs: the site configuration, the checks, the output formats."""
