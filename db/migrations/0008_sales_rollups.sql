-- Daily sales rollups (issue 10), kept by the checkout and refund transactions; built from the
-- existing orders and refunds at the first start after this migration (electron/reports/rollupBuild.ts).
-- WITHOUT ROWID added by hand (drizzle has no option for it): the primary key is the table.
CREATE TABLE `sales_rollups` (
	`business_day` text NOT NULL,
	`dim` text NOT NULL,
	`key` text NOT NULL,
	`n` integer DEFAULT 0 NOT NULL,
	`qty` integer DEFAULT 0 NOT NULL,
	`gross` integer DEFAULT 0 NOT NULL,
	`discounts` integer DEFAULT 0 NOT NULL,
	`refunds` integer DEFAULT 0 NOT NULL,
	`tax` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`business_day`, `dim`, `key`),
	CONSTRAINT "sales_rollups_dim_check" CHECK("sales_rollups"."dim" in ('total','pricing','rate','tender','item','modifier','staff','hour','refundKind','refundReason','discountReason'))
) WITHOUT ROWID;
