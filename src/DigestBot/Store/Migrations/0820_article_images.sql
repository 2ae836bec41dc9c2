-- A story's picture beyond its URL (image_url): the size its feed declares, so an email can reserve the picture's space
-- before it loads, and the feed's description of it, used as alt text.
ALTER TABLE articles ADD COLUMN image_width INTEGER;
ALTER TABLE articles ADD COLUMN image_height INTEGER;
ALTER TABLE articles ADD COLUMN image_description TEXT;
