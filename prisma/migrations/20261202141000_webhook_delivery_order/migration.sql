-- `webhookDeliveries` lists deliveries newest first (`seq` DESC), of every webhook or of one: with
-- these a page is an index range scan from its cursor instead of a sort of the whole outbox.
CREATE INDEX "webhook_delivery_seq_idx" ON "webhook_delivery"("seq");
CREATE INDEX "webhook_delivery_webhookId_seq_idx" ON "webhook_delivery"("webhookId", "seq");
