# tiers
